namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A document the toolkit or the needs assessment was presented in.</summary>
public sealed class SourceDocument
{
    public string Symbol { get; set; } = "";

    public string Title { get; set; } = "";

    public string MeetingId { get; set; } = "";

    public DateOnly? PresentedOn { get; set; }

    public string PresentedBy { get; set; } = "";
}
