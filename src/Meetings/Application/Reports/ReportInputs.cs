using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// What the report draws from the services that own it, each as it answered (or why it did not; null
/// when the meeting has no document that asks for it), the meeting's documents of that kind, and the
/// day the report is written on.
/// </summary>
internal sealed record ReportInputs(
    IReadOnlyDictionary<DocumentContent, DocumentView> ContentDocuments,
    SourceOutcome<RatificationStatus>? Ratifications,
    SourceOutcome<IReadOnlyList<PointOfContactChange>>? Changes,
    SourceOutcome<NeedsAssessment>? Needs,
    SourceOutcome<Toolkit>? Toolkit,
    DateOnly Today);
