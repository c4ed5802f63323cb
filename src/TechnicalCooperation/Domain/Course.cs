namespace TocMesh.TechnicalCooperation.Domain;

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
