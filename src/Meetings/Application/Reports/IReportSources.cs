namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The other services a meeting report draws on. Each call may fail or be slow; the report builder
/// gives each its own deadline and renders without what did not come.
/// </summary>
public interface IReportSources
{
    Task<RatificationStatus> GetRatificationStatusAsync(DateOnly asOf, IReadOnlyList<string> instrumentIds, DateTime deadline, CancellationToken cancellationToken);

    Task<IReadOnlyList<PointOfContactChange>> ListChangeRequestsAsync(string meetingId, DateTime deadline, CancellationToken cancellationToken);

    Task<Toolkit> ListCoursesAsync(DateTime deadline, CancellationToken cancellationToken);

    Task<NeedsAssessment> GetNeedsAssessmentAsync(DateTime deadline, CancellationToken cancellationToken);
}
