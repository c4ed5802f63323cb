namespace TocMesh.Meetings.Domain;

/// <summary>Someone speaking; an empty <see cref="Speaker"/> means the record does not say who, and the summary is a whole sentence.</summary>
public sealed class Intervention
{
    public string MeetingId { get; set; } = "";
    public int Sequence { get; set; }
    public int SessionOrdinal { get; set; }
    public string Speaker { get; set; } = "";
    /// <summary>The participants who made the same intervention together with <see cref="Speaker"/>, e.g. seven delegations reporting changes at once.</summary>
    public List<string> JointSpeakers { get; set; } = [];
    public InterventionKind Kind { get; set; }
    public string Summary { get; set; } = "";
    public List<string> InstrumentIds { get; set; } = [];
    public List<string> Legislation { get; set; } = [];
    public List<string> ComponentNumbers { get; set; } = [];
    /// <summary>How the speaker stood on the components it names.</summary>
    public Stance ComponentStance { get; set; }
    public List<string> DocumentSymbols { get; set; } = [];
    public int Supports { get; set; }
    public int Answers { get; set; }
    public string? ProposalId { get; set; }

    /// <summary>Who made it: the speaker and those who made it jointly, in the record's order; none when the record does not say.</summary>
    public IReadOnlyList<string> AllSpeakers() => Speaker.Length == 0 ? [] : [Speaker, .. JointSpeakers];
}
