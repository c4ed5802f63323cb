namespace TocMesh.Meetings.Application.Reports;

/// <summary>The needs of one area, aggregated by the TechnicalCooperation service.</summary>
public sealed record NeedsArea(string Area, int OpenCount, int ResolvedCount, IReadOnlyList<string> StateCodes);
