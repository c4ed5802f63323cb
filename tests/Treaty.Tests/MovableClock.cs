namespace TocMesh.Treaty.Tests;

/// <summary>
/// A clock for a test host: it runs at the pace of the real one, from noon (UTC) of a day the test
/// chooses, and the test moves it on to a later day. Only forward, as time goes, so what the host
/// timestamps (cache entries and their invalidations, revisions) keeps its order.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public MovableClock(DateOnly today) => _offsetTicks = OffsetTo(today);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock on to noon (UTC) of <paramref name="day"/>, a later day than its today.</summary>
    public void MoveTo(DateOnly day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(day, DateOnly.FromDateTime(GetUtcNow().UtcDateTime));
        Interlocked.Exchange(ref _offsetTicks, OffsetTo(day));
    }

    private long OffsetTo(DateOnly day) =>
        (new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) - base.GetUtcNow()).Ticks;
}
