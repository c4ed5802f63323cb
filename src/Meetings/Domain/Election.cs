namespace TocMesh.Meetings.Domain;

/// <summary>An election of an officer; its sequence places it among the meeting's interventions.</summary>
public sealed class Election
{
    public string MeetingId { get; set; } = "";
    public int Sequence { get; set; }
    public int SessionOrdinal { get; set; }
    public Office Office { get; set; }
    public string Nominee { get; set; } = "";
    public string NomineeStateCode { get; set; } = "";
    public string NominatedBy { get; set; } = "";
    public string SecondedBy { get; set; } = "";
    public ElectionOutcome Outcome { get; set; }
    public int VotesFor { get; set; }
    public string ElectedBy { get; set; } = "";
}
