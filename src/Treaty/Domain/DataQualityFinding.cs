namespace TocMesh.Treaty.Domain;

public enum FindingSeverity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

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

/// <summary>
/// One row per state, whose version every write of that state's actions bumps: two replicas writing the
/// same state at once cannot both pass the rules on a history the other is changing.
/// </summary>
public sealed class StateLedger
{
    public required string StateCode { get; set; }

    public Guid Version { get; set; }
}
