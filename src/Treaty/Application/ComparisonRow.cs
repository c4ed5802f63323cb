namespace TocMesh.Treaty.Application;

/// <summary>One state's row of the legislative comparison, a cell per topic.</summary>
public sealed record ComparisonRow(string StateCode, ComparisonCell[] Cells);
