using System.Diagnostics;
using System.Net;
using Grpc.Core;
using TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Tests;

/// <summary>The report with the services it draws on down or silent: rendered anyway, in time, saying what is missing.</summary>
public sealed class ReportOutageTests
{
    [Fact]
    public async Task With_treaty_and_techcoop_down_the_report_renders_in_time_and_lists_their_sections_as_partial()
    {
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop");

        await host.Meetings().GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-ii" }); // the host is up and seeded
        var watch = Stopwatch.StartNew();
        var report = await host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(15));
        watch.Stop();

        Assert.Contains("status-of-ratifications", report.PartialSections);
        Assert.Contains("needs-assessment", report.PartialSections);
        Assert.Contains("toolkit", report.PartialSections);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the report took {watch.Elapsed}");
        var ratifications = report.Sections.Single(s => s.Id == "status-of-ratifications");
        Assert.False(ratifications.Available);
        Assert.StartsWith("treaty:", ratifications.UnavailableReason);
        Assert.Contains("Unavailable: the status of ratifications as of October 7, 2009 could not be obtained from the Treaty service", report.Content);

        // What the meeting's own records hold is all there.
        Assert.All(report.Sections.Where(s => s.Id is "opening" or "officers" or "documents" or "proceedings" or "work-program" or "participants" or "closing"), s => Assert.True(s.Available));
        Assert.Contains("Roland Maunday", report.Content);
        Assert.Contains("at 1:30 p.m., the meeting was declared closed", report.Content);
        Assert.DoesNotContain("Twenty-nine", report.Content);
    }

    [Fact]
    public async Task A_dependency_that_never_answers_costs_the_report_no_more_than_its_deadline()
    {
        using var host = new MeetingsHost();
        host.WithSetting("Meetings:Report:DependencyTimeout", "00:00:01")
            .WithDependency("treaty", () => new SilentHandler())
            .WithDependency("techcoop", () => new SilentHandler());

        await host.Meetings().GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-ii" }); // the host is up and seeded
        var watch = Stopwatch.StartNew();
        var report = await host.Meetings().RenderMeetingReportAsync(
            new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = ReportFormat.Text }, deadline: DateTime.UtcNow.AddSeconds(15));
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the report took {watch.Elapsed} with a 1 s deadline per call");
        Assert.Equal(["status-of-ratifications", "needs-assessment", "toolkit"], report.PartialSections.Where(s => s != "points-of-contact"));
        Assert.Equal("text/plain", report.ContentType);
        Assert.Contains("There being no other business, at 1:30 p.m., the meeting was declared closed.", report.Content);
    }

    [Fact]
    public async Task A_meeting_without_documents_of_other_services_calls_none_of_them()
    {
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop");

        var report = await host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-i", Format = ReportFormat.Html });

        Assert.Empty(report.PartialSections);
        Assert.Equal("text/html", report.ContentType);
        Assert.Contains("was held in 2007, in Mexico City", WebUtility.HtmlDecode(report.Content));
    }

    [Fact]
    public async Task An_unknown_meeting_or_format_is_refused()
    {
        using var host = new MeetingsHost();

        await TestSupport.RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-iii" }).ResponseAsync);
        await TestSupport.RpcAssert.InvalidArgumentAsync(
            () => host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = (ReportFormat)42 }).ResponseAsync, "format");
    }

    /// <summary>A service that accepts the call and never answers.</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
