namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>How urgent a need is; values match the contract. Unassessed when the source gives no priority.</summary>
public enum NeedPriority
{
    NotAssessed = 0,
    High = 1,
    Medium = 2,
    Low = 3,
}

public enum NeedStatus
{
    Unspecified = 0,
    Open = 1,
    Resolved = 2,
}

/// <summary>A technical cooperation need of a state, or of the hemisphere when <see cref="StateCode"/> is null.</summary>
public sealed class Need
{
    public long Id { get; set; }

    public string? StateCode { get; set; }

    public string Area { get; set; } = "";

    public string Description { get; set; } = "";

    public NeedPriority Priority { get; set; }

    public NeedStatus Status { get; set; } = NeedStatus.Open;

    public string SourceDocument { get; set; } = "";

    public DateOnly IdentifiedOn { get; set; }

    public string SourceMeetingId { get; set; } = "";

    public string RaisedBy { get; set; } = "";

    public DateOnly? ResolvedOn { get; set; }

    public long? ResolvedByCourseId { get; set; }

    public long? ResolvedByEditionId { get; set; }

    public string ResolutionNote { get; set; } = "";

    public string? RequestId { get; set; }

    public int Version { get; set; }

    public string Name => ResourceNames.Need(Id);

    public bool IsOpen => Status == NeedStatus.Open;

    public string? ResolvedByEdition =>
        ResolvedByCourseId is { } course && ResolvedByEditionId is { } edition ? ResourceNames.Edition(course, edition) : null;

    /// <summary>Ranking weight of one answered need: by priority; a hemisphere-wide need counts half (see Matching).</summary>
    public int Weight => Priority switch
    {
        NeedPriority.High => 6,
        NeedPriority.Medium => 4,
        _ => 2,
    };
}

/// <summary>What a state asked of the toolkit; values match the contract.</summary>
public enum CurriculumRequestKind
{
    Unspecified = 0,
    Curriculum = 1,
    CoursesForAudience = 2,
    PointOfContact = 3,
}

public enum CurriculumRequestStatus
{
    Unspecified = 0,
    Open = 1,
    Answered = 2,
}

/// <summary>A state's request of the toolkit: a curriculum, courses for an audience, or a contact for courses.</summary>
public sealed class CurriculumRequest
{
    public long Id { get; set; }

    public string StateCode { get; set; } = "";

    public CurriculumRequestKind Kind { get; set; }

    public long? CourseId { get; set; }

    public List<string> Audiences { get; set; } = [];

    public string ThematicArea { get; set; } = "";

    public string Description { get; set; } = "";

    public DateOnly RequestedOn { get; set; }

    public string SourceMeetingId { get; set; } = "";

    public CurriculumRequestStatus Status { get; set; } = CurriculumRequestStatus.Open;

    public string Answer { get; set; } = "";

    public DateOnly? AnsweredOn { get; set; }

    public string? RequestId { get; set; }

    public int Version { get; set; }

    public string Name => ResourceNames.CurriculumRequest(Id);
}
