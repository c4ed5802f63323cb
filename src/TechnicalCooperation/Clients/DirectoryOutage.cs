namespace TocMesh.TechnicalCooperation.Clients;

/// <summary>
/// Remembers a Directory outage for a short while, so that a list of courses does not wait on the
/// Directory once per point of contact.
/// </summary>
public sealed class DirectoryOutage
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(15);
    private long _until;

    public bool Recent => Environment.TickCount64 < Interlocked.Read(ref _until);

    public void Seen() => Interlocked.Exchange(ref _until, Environment.TickCount64 + (long)Pause.TotalMilliseconds);

    public void Over() => Interlocked.Exchange(ref _until, 0);
}
