namespace TocMesh.Meetings.Application.Reports;

/// <summary>A list of short items, one line each (e.g. the documents of the meeting).</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;
