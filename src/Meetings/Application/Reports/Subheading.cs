namespace TocMesh.Meetings.Application.Reports;

/// <summary>A heading inside a section.</summary>
public sealed record Subheading(string Text) : ReportBlock;
