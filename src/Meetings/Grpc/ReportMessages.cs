using TocMesh.Meetings.Application.Reports;
using TocMesh.ServiceDefaults.Errors;
using V1 = TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

/// <summary>The meeting report's format and rendering as the contract's messages.</summary>
internal static class ReportMessages
{
    /// <summary>The format asked for; unset means Markdown.</summary>
    public static ReportFormat ToFormat(this V1.ReportFormat format) => format switch
    {
        V1.ReportFormat.Unspecified or V1.ReportFormat.Markdown => ReportFormat.Markdown,
        V1.ReportFormat.Html => ReportFormat.Html,
        V1.ReportFormat.Text => ReportFormat.Text,
        _ => throw new ValidationException("format", "must be REPORT_FORMAT_MARKDOWN, REPORT_FORMAT_HTML or REPORT_FORMAT_TEXT"),
    };

    public static V1.RenderMeetingReportResponse ToMessage(this RenderedReport report)
    {
        var response = new V1.RenderMeetingReportResponse
        {
            Format = (V1.ReportFormat)(int)report.Format,
            ContentType = report.ContentType,
            Content = report.Content,
        };
        response.Sections.AddRange(report.Sections.Select(s => new V1.ReportSection
        {
            Id = s.Id,
            Title = s.Title,
            Available = s.Available,
            UnavailableReason = s.UnavailableReason,
        }));
        response.PartialSections.AddRange(report.PartialSections);
        return response;
    }
}
