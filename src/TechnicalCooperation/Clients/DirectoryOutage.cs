namespace TocMesh.TechnicalCooperation.Clients;

/// <summary>
/// Remembers a Directory outage for a short while, so that a list of courses does not wait on the
/// Directory once per point of contact.
/// </summary>
public sealed class DirectoryOutage(TimeProvider clock)
{
    /// <summary>How long an outage is taken as still going on.</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromSeconds(15);

    private const long Never = long.MinValue;
    private long _seenAt = Never;

    public bool Recent
    {
        get
        {
            var seenAt = Interlocked.Read(ref _seenAt);
            return seenAt != Never && clock.GetElapsedTime(seenAt) < Pause;
        }
    }

    public void Seen() => Interlocked.Exchange(ref _seenAt, clock.GetTimestamp());

    public void Over() => Interlocked.Exchange(ref _seenAt, Never);
}
