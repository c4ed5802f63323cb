namespace TocMesh.Meetings.Application.Reports;

/// <summary>A course or workshop of the toolkit, from the TechnicalCooperation service.</summary>
public sealed record ToolkitCourse(string Name, string Title, string Kind, IReadOnlyList<string> ThematicAreas, IReadOnlyList<string> Audiences, string SourceDocument);
