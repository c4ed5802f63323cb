namespace TocMesh.Meetings.Domain;

/// <summary>A delegation, observer, official or guest of a meeting, with the roles the record gives it.</summary>
public sealed class Participant
{
    public string MeetingId { get; set; } = "";
    public string Id { get; set; } = "";
    public ParticipantKind Kind { get; set; }
    public string? StateCode { get; set; }
    /// <summary>How the report names the participant the first time, e.g. "Ambassador Alexander Addor-Neto, OAS Secretary for Multidimensional Security".</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>How the report names the participant again, e.g. "Ambassador Addor-Neto"; empty: the display name.</summary>
    public string ShortName { get; set; } = "";
    public string Organization { get; set; } = "";
    /// <summary>The person's form of address, e.g. "Mr.", "Ms.", "Ambassador"; empty when the record gives none.</summary>
    public string Honorific { get; set; } = "";
    public string Person { get; set; } = "";
    public string Title { get; set; } = "";
    public List<ParticipantRole> Roles { get; set; } = [];
}
