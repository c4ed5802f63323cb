namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A law of the national reports file; <see cref="Key"/> becomes its request id, so it is imported once.</summary>
internal sealed class LawEntry
{
    public string Key { get; set; } = "";

    public string StateCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public string? EnactedOn { get; set; }

    public string? InForceOn { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> InstrumentIds { get; set; } = [];

    public string Summary { get; set; } = "";

    public string Source { get; set; } = "";

    public string? ReportedOn { get; set; }
}
