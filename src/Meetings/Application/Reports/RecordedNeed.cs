namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// A technical cooperation need as the TechnicalCooperation service records it: its area, the meeting
/// and document it was taken from (empty when none), and whether it has been met.
/// </summary>
public sealed record RecordedNeed(string Area, string SourceMeetingId, string SourceDocument, bool Resolved);
