using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Application;

/// <summary>What OpenChangeRequest records.</summary>
public sealed record ChangeRequestDraft(
    string StateCode, ContactRole Role, string Description, string SourceMeetingId, string SourceDocument, DateOnly? OpenedOn, DateOnly? DueOn);
