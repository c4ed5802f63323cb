namespace TocMesh.Meetings.Application.Reports;

/// <summary>A paragraph of running text.</summary>
public sealed record Paragraph(string Text) : ReportBlock;
