namespace TocMesh.Meetings.Application.Reports;

/// <summary>A section of the report; unavailable when a service it draws on did not answer.</summary>
public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks, bool Available = true, string UnavailableReason = "");
