namespace TocMesh.Meetings.Application.Reports;

/// <summary>A change of points of contact a state announced, as the Directory service records it.</summary>
public sealed record PointOfContactChange(string StateCode, string Role, string Description, string SourceDocument, string Status, DateOnly? OpenedOn, DateOnly? DueOn, DateOnly? ResolvedOn);
