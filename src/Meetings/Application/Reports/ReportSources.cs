namespace TocMesh.Meetings.Application.Reports;

/// <summary>One instrument's line of the status of ratifications, as the Treaty service words it.</summary>
public sealed record RatificationLine(string InstrumentId, string ShortName, int ConsentedCount, string Sentence);

/// <summary>The status of ratifications as of a date, from the Treaty service (never stored here).</summary>
public sealed record RatificationStatus(DateOnly AsOf, int StatesInScope, IReadOnlyList<string> Excluded, IReadOnlyList<RatificationLine> Lines);

/// <summary>A change of points of contact a state announced, as the Directory service records it.</summary>
public sealed record PointOfContactChange(string StateCode, string Role, string Description, string SourceDocument, string Status, DateOnly? OpenedOn, DateOnly? DueOn, DateOnly? ResolvedOn);

/// <summary>A course or workshop of the toolkit, from the TechnicalCooperation service.</summary>
public sealed record ToolkitCourse(string Name, string Title, string Kind, IReadOnlyList<string> ThematicAreas, IReadOnlyList<string> Audiences, string SourceDocument);

public sealed record Toolkit(int TotalSize, IReadOnlyList<ToolkitCourse> Courses);

/// <summary>The needs of one area, aggregated by the TechnicalCooperation service.</summary>
public sealed record NeedsArea(string Area, int OpenCount, int ResolvedCount, IReadOnlyList<string> StateCodes);

public sealed record NeedsAssessment(IReadOnlyList<NeedsArea> Areas, int NeedCount);

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
