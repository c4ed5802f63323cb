using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application;

/// <summary>What an update of a follow-up asks for; <see cref="Fields"/> is the update mask.</summary>
public sealed record FollowUpChange(
    string MeetingId,
    string FollowUpId,
    string Etag,
    IReadOnlySet<string> Fields,
    FollowUpStatus? Status,
    string? Owner,
    DateOnly? DueDate);
