using System.Diagnostics;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// The service's clock in a test: it starts on a given instant, runs with real time from there, and
/// a test moves it forward. Timestamps (what elapsed-time checks read) move with it.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _movedTicks;

    public MovableClock(DateTimeOffset start) => _start = start.ToUniversalTime();

    public MovableClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    private TimeSpan Moved => TimeSpan.FromTicks(Interlocked.Read(ref _movedTicks));

    /// <summary>Moves the clock forward; it never goes back, so nothing the service dated can come after "now".</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _movedTicks, by.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_startedAt) + Moved;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() + (long)(Moved.TotalSeconds * Stopwatch.Frequency);

    public override long TimestampFrequency => Stopwatch.Frequency;
}
