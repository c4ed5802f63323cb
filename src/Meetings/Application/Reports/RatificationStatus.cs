namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The status of ratifications as of a date, from the Treaty service (never stored here): the states
/// its scope counts as Treaty names them ("the 34 member states other than Cuba, whose government did not
/// take part"), each instrument's line, and the lines run on as a meeting report words them.
/// </summary>
public sealed record RatificationStatus(DateOnly AsOf, string ScopeDescription, IReadOnlyList<RatificationLine> Lines, string Paragraph);
