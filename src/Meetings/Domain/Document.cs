namespace TocMesh.Meetings.Domain;

/// <summary>A document registered under its normalized symbol.</summary>
public sealed class Document
{
    public string Symbol { get; set; } = "";
    public string BaseSymbol { get; set; } = "";
    public string? AmendsSymbol { get; set; }
    public string Title { get; set; } = "";
    public string? MeetingId { get; set; }
    public string Description { get; set; } = "";
    public DocumentContent Content { get; set; }
    public string? RequestId { get; set; }
    public string Etag { get; set; } = "";
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
