using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Application;

/// <summary>A document to register, as the caller gave it.</summary>
public sealed record NewDocument(string? Symbol, string? Title, string? MeetingId, string? Description, DocumentContent Content, IdempotencyKey? Key);
