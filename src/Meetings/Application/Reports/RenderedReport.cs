namespace TocMesh.Meetings.Application.Reports;

/// <summary>A rendered report, and which of its sections are incomplete.</summary>
public sealed record RenderedReport(ReportFormat Format, string ContentType, string Content, IReadOnlyList<ReportSection> Sections)
{
    public IReadOnlyList<string> PartialSections => Sections.Where(s => !s.Available).Select(s => s.Id).ToList();
}
