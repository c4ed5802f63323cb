using System.Globalization;
using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

public enum LegislationKind
{
    Law = 1,
    ConstitutionalAmendment = 2,
    PenalCodeAmendment = 3,
    Regulation = 4,
    Bill = 5,
    TreatyApproval = 6,
}

public enum LegislationStatus
{
    Enacted = 1,
    InForce = 2,
    Pending = 3,
    UnderDiscussion = 4,
}

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

/// <summary>A national law, amendment or bill, tagged by topic and by the instruments it implements.</summary>
public sealed class Legislation
{
    public long Id { get; set; }

    public required string StateCode { get; set; }

    public required string Title { get; set; }

    public LegislationKind Kind { get; set; }

    public LegislationStatus Status { get; set; }

    public PartialDate? EnactedOn { get; set; }

    public PartialDate? InForceOn { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> InstrumentIds { get; set; } = [];

    public string Summary { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>When the state reported it; the status is as of that day.</summary>
    public DateOnly? ReportedOn { get; set; }

    public string? RequestId { get; set; }

    [JsonIgnore]
    public bool IsInEffect => Status is LegislationStatus.Enacted or LegislationStatus.InForce;

    /// <summary>The span the text dates from: its enactment, else its entry into force, else when reported.</summary>
    [JsonIgnore]
    public (DateOnly From, DateOnly To)? Span =>
        (EnactedOn ?? InForceOn) is { } d ? (d.Earliest, d.Latest) : ReportedOn is { } r ? (r, r) : null;

    public bool Overlaps(DateOnly? start, DateOnly? end) =>
        (start is null && end is null) || (Span is { } span && (start is null || span.To >= start) && (end is null || span.From <= end));
}

/// <summary>The topics of the legislative comparison (states × topics).</summary>
public static class LegislativeTopics
{
    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        ("organized-crime", "Organized-crime offences and procedure"),
        ("criminal-justice-reform", "Criminal-justice reform"),
        ("oral-accusatory-system", "Oral or accusatory criminal procedure"),
        ("trafficking-in-persons", "Trafficking in persons"),
        ("smuggling-of-migrants", "Smuggling of migrants"),
        ("firearms", "Illicit manufacturing of and trafficking in firearms"),
        ("police-information-exchange", "Police information exchange"),
        ("statute-of-limitations", "Time bar on criminal investigation and prosecution"),
        ("bank-secrecy", "Lifting of bank secrecy"),
        ("wiretapping", "Interception of communications (wiretapping)"),
        ("sexual-exploitation", "Sexual exploitation and pornography offences"),
        ("judicial-protection", "Protection of judges and justice officials"),
        ("witness-protection", "Protection of witnesses and victims"),
        ("mutual-legal-assistance", "Mutual legal assistance"),
        ("money-laundering", "Money laundering"),
        ("corruption", "Corruption"),
    ];

    public static bool IsKnown(string id) => All.Any(t => t.Id == id);
}
