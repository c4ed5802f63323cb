namespace TocMesh.Meetings.Domain;

/// <summary>A delegation, observer, official or guest of a meeting, with the roles the record gives it.</summary>
public sealed class Participant
{
    public string MeetingId { get; set; } = "";
    public string Id { get; set; } = "";
    public ParticipantKind Kind { get; set; }
    public string? StateCode { get; set; }
    public string DisplayName { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Person { get; set; } = "";
    public string Title { get; set; } = "";
    public List<ParticipantRole> Roles { get; set; } = [];
}
