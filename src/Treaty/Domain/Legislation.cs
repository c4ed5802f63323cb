using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

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
