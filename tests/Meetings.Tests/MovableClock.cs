namespace TocMesh.Meetings.Tests;

/// <summary>
/// A clock a test sets and moves, registered as the service's <see cref="TimeProvider"/>. Only the
/// time it tells moves; its timers and timestamps keep the system's pace, so deadlines and timeouts
/// behave as they would.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
