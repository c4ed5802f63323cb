namespace TocMesh.Meetings.Application.Reports;

/// <summary>Computed sentences placed after what the meeting heard; <see cref="Failure"/> says why a source did not answer.</summary>
internal sealed record Passage(string Text, string? Failure = null);
