namespace TocMesh.Meetings.Domain;

/// <summary>A proposal made at the meeting, who made and supported it, and the interventions about it.</summary>
public sealed class Proposal
{
    public string MeetingId { get; set; } = "";
    public string Id { get; set; } = "";
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public List<string> ProposedBy { get; set; } = [];
    public List<string> SupportedBy { get; set; } = [];
    public ProposalStatus Status { get; set; }
    public List<int> Interventions { get; set; } = [];
}
