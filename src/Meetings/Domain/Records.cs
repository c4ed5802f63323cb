namespace TocMesh.Meetings.Domain;

// The records of a meeting. Enum values match the contract's, so the endpoint maps them by value.

public enum SessionKind { Opening = 1, Plenary = 2, Closing = 3 }

public enum ParticipantKind { Delegation = 1, Observer = 2, Official = 3, Guest = 4 }

public enum ParticipantRole { Chair = 1, ViceChair = 2, Representative = 3, OpeningSpeaker = 4, Presenter = 5, Secretariat = 6 }

public enum Office { Chair = 1, ViceChair = 2, Rapporteur = 3 }

public enum ElectionOutcome { Acclamation = 1, Vote = 2 }

public enum InterventionKind { NationalReport = 1, Question = 2, Proposal = 3, Support = 4, Answer = 5, Remark = 6, Presentation = 7 }

public enum Stance { None = 0, Emphasized = 1, Supported = 2, Commented = 3 }

public enum ProposalStatus { UnderConsideration = 1, Identified = 2, Adopted = 3, Withdrawn = 4 }

public enum FollowUpKind { Decision = 1, Undertaking = 2 }

public enum FollowUpStatus { Open = 1, InProgress = 2, Done = 3, Cancelled = 4 }

/// <summary>What a document holds whose content another service owns (the report asks that service).</summary>
public enum DocumentContent { None = 0, RatificationStatus = 1, PointsOfContact = 2, NeedsAssessment = 3, Toolkit = 4 }

/// <summary>A meeting of the group, e.g. "gtdot-ii", with every record of it.</summary>
public sealed class Meeting
{
    public string Id { get; set; } = "";
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
}

public sealed class Session
{
    public string MeetingId { get; set; } = "";
    /// <summary>The session's number as the record counts them ("the third plenary session" is 3).</summary>
    public int Ordinal { get; set; }
    public SessionKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public string Purpose { get; set; } = "";
}

public sealed class AgendaItem
{
    public string MeetingId { get; set; } = "";
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    public int SessionOrdinal { get; set; }
}

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

public sealed class WorkProgramComponent
{
    public string MeetingId { get; set; } = "";
    public string Number { get; set; } = "";
    /// <summary>Order in the draft.</summary>
    public int Position { get; set; }
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    public string DocumentSymbol { get; set; } = "";
    public List<string> ConsideredWith { get; set; } = [];
    public bool Identified { get; set; }
    public string Notes { get; set; } = "";
}

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

/// <summary>A decision or undertaking; a decision with a sequence is also an event of the proceedings.</summary>
public sealed class FollowUp
{
    public string MeetingId { get; set; } = "";
    public string Id { get; set; } = "";
    public FollowUpKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public FollowUpStatus Status { get; set; }
    public string Addressee { get; set; } = "";
    public int SessionOrdinal { get; set; }
    public int Sequence { get; set; }
    /// <summary>Concurrency token, changed by every update.</summary>
    public string Etag { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A document registered under its normalized symbol.</summary>
public sealed class Document
{
    public string Symbol { get; set; } = "";
    public string BaseSymbol { get; set; } = "";
    public string? AmendsSymbol { get; set; }
    public string Title { get; set; } = "";
    public string? MeetingId { get; set; }
    public string Description { get; set; } = "";
    public DocumentContent Content { get; set; }
    public string? RequestId { get; set; }
    public string Etag { get; set; } = "";
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
