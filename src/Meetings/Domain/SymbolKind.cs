namespace TocMesh.Meetings.Domain;

/// <summary>What kind of document a symbol names (values match the contract's SymbolKind).</summary>
public enum SymbolKind
{
    SeriesDocument = 1,
    CommitteeDocument = 2,
    Resolution = 3,
}
