namespace TocMesh.Meetings.Application.Reports;

/// <summary>One instrument's line of the status of ratifications, as the Treaty service words it.</summary>
public sealed record RatificationLine(string InstrumentId, string ShortName, int ConsentedCount, string Sentence);
