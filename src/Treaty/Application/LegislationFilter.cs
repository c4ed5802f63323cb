namespace TocMesh.Treaty.Application;

/// <summary>Which legislation a list asks for; each part left empty matches all.</summary>
public sealed record LegislationFilter(string? StateCode, string? Topic, string? InstrumentId, DateOnly? Start, DateOnly? End);
