namespace TocMesh.TechnicalCooperation.Domain;

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
