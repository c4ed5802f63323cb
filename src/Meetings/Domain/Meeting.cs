namespace TocMesh.Meetings.Domain;

/// <summary>A meeting of the group, e.g. "gtdot-ii", with every record of it.</summary>
public sealed class Meeting
{
    public string Id { get; set; } = "";
    /// <summary>The revision of the seed the records were loaded from; a later revision of the seed replaces them.</summary>
    public int SeedRevision { get; set; }
    public string Body { get; set; } = "";
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The first day; when the record gives only the year, <see cref="DatePrecisionYearOnly"/> is set.</summary>
    public DateOnly StartDate { get; set; }
    public bool DatePrecisionYearOnly { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Venue { get; set; } = "";
    public string MandateSymbol { get; set; } = "";
    public string MandatePlace { get; set; } = "";
    public string? PreviousMeetingId { get; set; }
    /// <summary>Local time the meeting was declared closed.</summary>
    public TimeOnly? ClosedAt { get; set; }
    public string ParticipantsDocument { get; set; } = "";
    public string Notes { get; set; } = "";
    /// <summary>The draft work program the meeting discussed, e.g. "CP/CSH-1018/08".</summary>
    public string WorkProgramSymbol { get; set; } = "";
    /// <summary>What else the General Secretariat's summary of the components named.</summary>
    public List<string> AlsoIdentified { get; set; } = [];
    public List<Session> Sessions { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<Participant> Participants { get; set; } = [];
    public List<Election> Elections { get; set; } = [];
    public List<Intervention> Interventions { get; set; } = [];
    public List<WorkProgramComponent> Components { get; set; } = [];
    public List<Proposal> Proposals { get; set; } = [];
    public List<FollowUp> FollowUps { get; set; } = [];

    /// <summary>Who emphasized, supported or commented on a component, in the order they spoke.</summary>
    public IReadOnlyList<ComponentPosition> PositionsOn(string componentNumber) =>
        Interventions
            .Where(i => i.ComponentStance != Stance.None && i.ComponentNumbers.Contains(componentNumber))
            .Select(i => new ComponentPosition(i.Speaker, i.ComponentStance, i.Sequence))
            .ToList();
}
