using System.Diagnostics;

namespace TocMesh.TestSupport;

/// <summary>
/// The service's clock in a test, registered as its <see cref="TimeProvider"/>: it starts at an instant
/// the test chooses, runs at the real pace from there, and the test moves it forward (never back, so
/// whatever the service timestamped keeps its order). Timestamps, which elapsed-time checks read, move
/// with it.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private readonly long _startOffsetTicks;
    private long _movedTicks;

    public MovableClock(DateTimeOffset start) => _startOffsetTicks = (start - System.GetUtcNow()).Ticks;

    /// <summary>Starts at noon (UTC) of <paramref name="day"/>.</summary>
    public MovableClock(DateOnly day)
        : this(Noon(day))
    {
    }

    /// <summary>Starts now.</summary>
    public MovableClock()
        : this(System.GetUtcNow())
    {
    }

    private TimeSpan Moved => TimeSpan.FromTicks(Interlocked.Read(ref _movedTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(_startOffsetTicks) + Moved;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() + (long)(Moved.TotalSeconds * Stopwatch.Frequency);

    public override long TimestampFrequency => Stopwatch.Frequency;

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _movedTicks, by.Ticks);
    }

    /// <summary>Moves the clock on to noon (UTC) of <paramref name="day"/>, a later day than its today.</summary>
    public void MoveTo(DateOnly day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(day, DateOnly.FromDateTime(GetUtcNow().UtcDateTime));
        Advance(Noon(day) - GetUtcNow());
    }

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
