using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Application;

/// <summary>What ListChangeRequests filters on.</summary>
public sealed record ChangeRequestFilter(string? StateCode, ChangeRequestStatus? Status, string? SourceMeetingId, bool OverdueOnly);
