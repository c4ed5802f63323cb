namespace TocMesh.Meetings.Application.Reports;

/// <summary>The needs assessment, from the TechnicalCooperation service: the needs by area and how many there are.</summary>
public sealed record NeedsAssessment(IReadOnlyList<NeedsArea> Areas, int NeedCount);
