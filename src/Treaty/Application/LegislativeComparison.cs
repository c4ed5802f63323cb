namespace TocMesh.Treaty.Application;

/// <summary>States × topics: the topics compared, and a row per state.</summary>
public sealed record LegislativeComparison(IReadOnlyList<(string Id, string Label)> Topics, List<ComparisonRow> Rows);
