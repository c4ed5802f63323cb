namespace TocMesh.Meetings.Application.Reports;

/// <summary>A block of a report section.</summary>
public abstract record ReportBlock;
