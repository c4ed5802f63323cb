namespace TocMesh.Meetings.Application.Reports;

/// <summary>A list of items, one line each.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;
