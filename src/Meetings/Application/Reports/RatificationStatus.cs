namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The status of ratifications as of a date, from the Treaty service (never stored here): how many
/// states its scope counts, those it leaves out ("CUB: not participating"), each instrument's line,
/// and the lines run on as a meeting report words them.
/// </summary>
public sealed record RatificationStatus(DateOnly AsOf, int StatesInScope, IReadOnlyList<string> Excluded, IReadOnlyList<RatificationLine> Lines, string Paragraph);
