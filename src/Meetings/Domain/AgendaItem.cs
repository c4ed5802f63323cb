namespace TocMesh.Meetings.Domain;

/// <summary>An item of the agenda and the session that took it up.</summary>
public sealed class AgendaItem
{
    public string MeetingId { get; set; } = "";
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    public int SessionOrdinal { get; set; }
}
