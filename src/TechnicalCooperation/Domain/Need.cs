using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.TechnicalCooperation.Domain;

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

    /// <summary>
    /// A need is resolved by an edition only when the course covers the need's area and, for a state's
    /// need, when that state took part (as far as the edition records its participants).
    /// </summary>
    public void EnsureAnsweredBy(Course course, CourseEdition edition)
    {
        if (!course.Covers(Area))
        {
            throw new RuleViolationException("EDITION_DOES_NOT_ANSWER_AREA", edition.Name,
                $"{course.Name} does not cover the area {Area} of {Name}.");
        }

        if (StateCode is { } state && edition.Participants.Count > 0 && edition.Participants.All(p => p.StateCode != state))
        {
            throw new RuleViolationException("EDITION_WITHOUT_STATE", edition.Name,
                $"No participant of {state} took part in {edition.Name}.");
        }
    }

    /// <summary>Ranking weight of one answered need: by priority; a hemisphere-wide need counts half (see Matching).</summary>
    public int Weight => Priority switch
    {
        NeedPriority.High => 6,
        NeedPriority.Medium => 4,
        _ => 2,
    };
}
