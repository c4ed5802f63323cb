namespace TocMesh.Meetings.Domain;

/// <summary>A component of the draft work program the meeting discussed.</summary>
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
