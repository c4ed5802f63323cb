namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// The time of a write as every provider keeps it: whole microseconds (PostgreSQL's precision), so a
/// timestamp answered by a write is the one a later read returns, on SQLite and PostgreSQL alike.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTime StoredUtcNow(this TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    public static DateTimeOffset StoredNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TicksPerMicrosecond), value.Kind);
}
