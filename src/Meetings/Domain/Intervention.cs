namespace TocMesh.Meetings.Domain;

/// <summary>Someone speaking; an empty <see cref="Speaker"/> means the record does not say who, and the summary is a whole sentence.</summary>
public sealed class Intervention
{
    public string MeetingId { get; set; } = "";
    public int Sequence { get; set; }
    public int SessionOrdinal { get; set; }
    public string Speaker { get; set; } = "";
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
}
