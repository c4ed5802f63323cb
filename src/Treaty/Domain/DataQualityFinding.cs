namespace TocMesh.Treaty.Domain;

/// <summary>Something the import found wrong or missing in a published row (the row is kept as published).</summary>
public sealed class DataQualityFinding
{
    /// <summary>Stable across imports: file, line and rule.</summary>
    public required string Key { get; set; }

    public required string SourceFile { get; set; }

    public int Line { get; set; }

    public string StateCode { get; set; } = "";

    public string InstrumentId { get; set; } = "";

    public required string Rule { get; set; }

    public FindingSeverity Severity { get; set; }

    public required string Description { get; set; }

    public bool SameAs(DataQualityFinding other) =>
        (SourceFile, Line, StateCode, InstrumentId, Rule, Severity, Description) ==
        (other.SourceFile, other.Line, other.StateCode, other.InstrumentId, other.Rule, other.Severity, other.Description);
}
