namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// A report as one document model (header, title, sections of paragraphs and lists), rendered to
/// Markdown, HTML or plain text from that model alone. Every text in it is plain text: each writer
/// escapes it for its format, so nothing in a record can become markup.
/// </summary>
public sealed record ReportDocument(ReportHeader Header, string Title, IReadOnlyList<ReportSection> Sections)
{
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html",
        ReportFormat.Text => "text/plain",
        _ => "text/markdown",
    };

    public string Render(ReportFormat format) => format switch
    {
        ReportFormat.Html => HtmlReportWriter.Write(this),
        ReportFormat.Text => TextReportWriter.Write(this),
        _ => MarkdownReportWriter.Write(this),
    };
}
