using TocMesh.ServiceDefaults.Errors;
using ProtoDate = Google.Type.Date;

namespace TocMesh.ServiceDefaults.Contracts;

/// <summary><c>google.type.Date</c> at the edge, <see cref="DateOnly"/> inside.</summary>
public static class Dates
{
    public static ProtoDate ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static ProtoDate? ToProto(this DateOnly? date) => date?.ToProto();

    public static bool IsUnset(this ProtoDate? date) => date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0);

    /// <summary>A full calendar date, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static DateOnly ToDateOnly(this ProtoDate? date, string field)
    {
        if (date.IsUnset())
        {
            throw new ValidationException(field, "is required");
        }

        if (date!.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw new ValidationException(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date (year, month and day are all required)");
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>Like <see cref="ToDateOnly"/>, but an unset date gives null.</summary>
    public static DateOnly? ToDateOnlyOrNull(this ProtoDate? date, string field) =>
        date.IsUnset() ? null : date.ToDateOnly(field);

    /// <summary>An unset "as of" date means today (UTC) by the service's clock.</summary>
    public static DateOnly ToAsOf(this ProtoDate? date, string field, TimeProvider clock) =>
        date.IsUnset() ? clock.Today() : date.ToDateOnly(field);

    /// <summary>
    /// <paramref name="days"/> days after <paramref name="date"/>, held at the first or last day of the
    /// calendar instead of overflowing: a caller may send any date from 0001-01-01 to 9999-12-31.
    /// </summary>
    public static DateOnly AddDaysClamped(this DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>
    /// The instant (UTC) before which everything recorded on or before <paramref name="date"/> lies: the
    /// next midnight, or the last tick of the calendar for 9999-12-31.
    /// </summary>
    public static DateTime EndOfDayUtc(this DateOnly date) => date == DateOnly.MaxValue
        ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Today (UTC) by <paramref name="clock"/>.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
