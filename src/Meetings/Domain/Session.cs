namespace TocMesh.Meetings.Domain;

/// <summary>A session of a meeting, numbered as the record numbers them.</summary>
public sealed class Session
{
    public string MeetingId { get; set; } = "";
    /// <summary>The session's number as the record counts them ("the third plenary session" is 3).</summary>
    public int Ordinal { get; set; }
    public SessionKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public string Purpose { get; set; } = "";
}
