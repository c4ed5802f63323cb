namespace TocMesh.Meetings.Application.Reports;

/// <summary>The toolkit of courses and workshops, from the TechnicalCooperation service: its total size and the courses read.</summary>
public sealed record Toolkit(int TotalSize, IReadOnlyList<ToolkitCourse> Courses);
