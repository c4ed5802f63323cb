using System.Globalization;
using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

/// <summary>A date known to the year, the month or the day ("in 2008", "June 2008", "June 18, 2008").</summary>
public readonly record struct PartialDate(int Year, int Month = 0, int Day = 0)
{
    [JsonIgnore]
    public DateOnly Earliest => new(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);

    [JsonIgnore]
    public DateOnly Latest => Month == 0 ? new DateOnly(Year, 12, 31)
        : Day == 0 ? new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month))
        : new DateOnly(Year, Month, Day);

    public override string ToString() => Month == 0 ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day == 0 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Day:D2}";

    public static PartialDate Parse(string text)
    {
        var parts = text.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new PartialDate(parts[0], parts.Length > 1 ? parts[1] : 0, parts.Length > 2 ? parts[2] : 0);
    }

    /// <summary>Whether a year, month and day (0 for unknown) make a date: a day needs a month.</summary>
    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 0 and <= 12 && day >= 0
        && (month != 0 || day == 0) && (day == 0 || day <= DateTime.DaysInMonth(year, month));
}
