using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Application;

/// <summary>What ListContacts filters on.</summary>
public sealed record ContactFilter(string? StateCode, ContactRole? Role, string? InstrumentId, string? Language, bool IncludeRetired);
