namespace TocMesh.Meetings.Domain;

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
