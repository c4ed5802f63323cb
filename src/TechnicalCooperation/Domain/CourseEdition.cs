namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>One time a course was given.</summary>
public sealed class CourseEdition
{
    public long Id { get; set; }

    public long CourseId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string Place { get; set; } = "";

    public List<EditionParticipants> Participants { get; set; } = [];

    public string? RequestId { get; set; }

    public string Name => ResourceNames.Edition(CourseId, Id);

    public int TotalParticipants => Participants.Sum(p => p.Count);
}
