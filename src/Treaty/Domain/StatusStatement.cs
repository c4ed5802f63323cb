namespace TocMesh.Treaty.Domain;

/// <summary>What a state said about its own status (e.g. at a meeting), kept as said.</summary>
public sealed class StatusStatement
{
    public long Id { get; set; }

    public required string StateCode { get; set; }

    public DateOnly MadeOn { get; set; }

    public string Source { get; set; } = "";

    public string Text { get; set; } = "";

    public List<string> InstrumentIds { get; set; } = [];

    /// <summary>How it compares with the depositary's record, where they differ.</summary>
    public string Note { get; set; } = "";

    public string? RequestId { get; set; }
}
