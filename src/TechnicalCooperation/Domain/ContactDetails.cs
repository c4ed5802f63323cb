namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A Directory contact as a course's point of contact shows it (no personal details).</summary>
public sealed record ContactDetails(string Name, string StateCode, string Institution, string Office, IReadOnlyList<string> Languages);
