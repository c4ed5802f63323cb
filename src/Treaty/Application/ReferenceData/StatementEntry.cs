namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A statement of the national reports file; <see cref="Key"/> becomes its request id, so it is imported once.</summary>
internal sealed class StatementEntry
{
    public string Key { get; set; } = "";

    public string StateCode { get; set; } = "";

    public string MadeOn { get; set; } = "";

    public string Source { get; set; } = "";

    public string Text { get; set; } = "";

    public List<string> InstrumentIds { get; set; } = [];

    public string Note { get; set; } = "";
}
