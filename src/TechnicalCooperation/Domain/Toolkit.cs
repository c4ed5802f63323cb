namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The kind of an offering; values match the contract's CourseKind.</summary>
public enum CourseKind
{
    Unspecified = 0,
    Course = 1,
    Workshop = 2,
    Seminar = 3,
    TrainingOfTrainers = 4,
}

/// <summary>How a course is delivered; values match the contract's CourseDelivery.</summary>
public enum CourseDelivery
{
    NotRecorded = 0,
    InPerson = 1,
    Online = 2,
    Blended = 3,
}

/// <summary>A course or workshop of the technical cooperation toolkit.</summary>
public sealed class Course
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public CourseKind Kind { get; set; }

    public string Description { get; set; } = "";

    public List<string> ThematicAreas { get; set; } = [];

    public List<string> Audiences { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public CourseDelivery Delivery { get; set; }

    public int DurationHours { get; set; }

    public bool CurriculumAvailable { get; set; }

    public string Provider { get; set; } = "";

    /// <summary>The Directory contact's resource name, e.g. "contacts/7f3c"; null when none.</summary>
    public string? PointOfContact { get; set; }

    public string SourceDocument { get; set; } = "";

    /// <summary>The creator's idempotency key.</summary>
    public string? RequestId { get; set; }

    /// <summary>Bumped on every change; the etag and the concurrency token.</summary>
    public int Version { get; set; }

    public List<CourseEdition> Editions { get; set; } = [];

    public string Name => ResourceNames.Course(Id);

    public string Etag => $"\"{Id}-{Version}\"";

    public bool Covers(string area) => ThematicAreas.Contains(area, StringComparer.Ordinal);

    public bool IsFor(string audience) => Audiences.Contains(audience, StringComparer.Ordinal);
}

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

/// <summary>How many took part from one state in an edition.</summary>
public sealed class EditionParticipants
{
    public long EditionId { get; set; }

    public string StateCode { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>A document the toolkit or the needs assessment was presented in.</summary>
public sealed class SourceDocument
{
    public string Symbol { get; set; } = "";

    public string Title { get; set; } = "";

    public string MeetingId { get; set; } = "";

    public DateOnly? PresentedOn { get; set; }

    public string PresentedBy { get; set; } = "";
}
