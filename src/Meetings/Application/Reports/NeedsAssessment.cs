namespace TocMesh.Meetings.Application.Reports;

/// <summary>The needs the TechnicalCooperation service records, each with where it came from.</summary>
public sealed record NeedsAssessment(IReadOnlyList<RecordedNeed> Needs);
