namespace TocMesh.Meetings.Application.Reports;

/// <summary>The courses and workshops the TechnicalCooperation service records for the toolkit.</summary>
public sealed record Toolkit(IReadOnlyList<ToolkitCourse> Courses);
