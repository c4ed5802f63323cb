namespace TocMesh.Meetings.Application.Reports;

/// <summary>The status of ratifications as of a date, from the Treaty service (never stored here).</summary>
public sealed record RatificationStatus(DateOnly AsOf, int StatesInScope, IReadOnlyList<string> Excluded, IReadOnlyList<RatificationLine> Lines);
