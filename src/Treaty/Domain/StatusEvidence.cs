namespace TocMesh.Treaty.Domain;

/// <summary>
/// What a source says about one state's status on one instrument as of a date, besides the state's
/// dated actions: that a status table lists all its actions up to then, that it had ratified by then
/// (its own date unknown), or that it had not. Imported from the reference files, kept as published.
/// </summary>
public sealed class StatusEvidence
{
    /// <summary>Stable across imports: file and line.</summary>
    public required string Key { get; set; }

    public required string SourceFile { get; set; }

    public int Line { get; set; }

    public required string StateCode { get; set; }

    public required string InstrumentId { get; set; }

    public EvidenceKind Kind { get; set; }

    /// <summary>The day the evidence speaks of (the last day of a month the source gives alone); null when it gives none that can be read.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>The date as the source gives it, e.g. "As of February 2002".</summary>
    public string AsOfText { get; set; } = "";

    /// <summary>The status as published, e.g. "ratified (listed)".</summary>
    public string Status { get; set; } = "";

    public string Source { get; set; } = "";

    public string Note { get; set; } = "";

    public bool SameAs(StatusEvidence other) =>
        (SourceFile, Line, StateCode, InstrumentId, Kind, AsOf, AsOfText, Status, Source, Note) ==
        (other.SourceFile, other.Line, other.StateCode, other.InstrumentId, other.Kind, other.AsOf, other.AsOfText, other.Status, other.Source, other.Note);
}
