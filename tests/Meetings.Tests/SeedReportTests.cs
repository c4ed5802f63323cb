using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>The report of the second meeting, rebuilt from the records and from real Treaty, Directory and TechnicalCooperation services.</summary>
public sealed partial class SeedReportTests(MeshFixture mesh) : IClassFixture<MeshFixture>
{
    /// <summary>The size in UTF-8 of the seed report (shared/seed/gtdot-ii-meeting-report.txt) the rebuilt one is held to.</summary>
    private const int SeedReportBytes = 12_547;

    private Task<RenderMeetingReportResponse> RenderAsync(ReportFormat format = ReportFormat.Markdown) =>
        mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = format }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;

    /// <summary>Runs of spaces and line breaks as one space, as a reader takes wrapped text.</summary>
    public static string Flat(string text) => Spaces().Replace(text, " ");

    [Fact]
    public async Task The_rebuilt_report_carries_every_fact_of_the_seed_report_once_and_in_its_order()
    {
        var report = await RenderAsync();

        Assert.Equal("text/markdown", report.ContentType);
        Assert.Empty(report.PartialSections);
        var missing = SeedReportFacts.All.Where(f => !report.Content.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "missing from the report:\n" + string.Join("\n", missing));
        var repeated = SeedReportFacts.All.Where(f => report.Content.IndexOf(f, StringComparison.Ordinal) != report.Content.LastIndexOf(f, StringComparison.Ordinal)).ToList();
        Assert.True(repeated.Count == 0, "told more than once:\n" + string.Join("\n", repeated));
        var positions = SeedReportFacts.All.Select(f => report.Content.IndexOf(f, StringComparison.Ordinal)).ToList();
        var outOfOrder = SeedReportFacts.All.Where((f, i) => i > 0 && positions[i] < positions[i - 1]).ToList();
        Assert.True(outOfOrder.Count == 0, "told before what the meeting heard earlier:\n" + string.Join("\n", outOfOrder));
    }

    [Fact]
    public async Task The_report_follows_the_meetings_order_opening_elections_agenda_then_each_session()
    {
        var report = await RenderAsync();

        Assert.Equal(["opening", "officers", "agenda", "session-3", "session-4", "session-5", "closing", "documents"], report.Sections.Select(s => s.Id));
        Assert.Equal(
            ["Opening", "Election of officers", "Adoption of the agenda and presentations by the General Secretariat", "Third plenary session", "Fourth plenary session", "Fifth and final plenary session", "Closing", "Documents"],
            report.Sections.Select(s => s.Title));
        Assert.All(report.Sections, s => Assert.True(s.Available));
        var headings = report.Content.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]);
        Assert.Equal(report.Sections.Select(s => s.Title), headings);
    }

    [Fact]
    public async Task The_html_and_text_reports_carry_the_same_facts_from_the_same_document()
    {
        var html = await RenderAsync(ReportFormat.Html);
        var text = await RenderAsync(ReportFormat.Text);

        Assert.StartsWith("<!DOCTYPE html>", html.Content);
        var page = Flat(WebUtility.HtmlDecode(html.Content));
        var plain = Flat(text.Content);
        Assert.All(SeedReportFacts.All, f => Assert.Contains(f, page, StringComparison.Ordinal));
        Assert.All(SeedReportFacts.All, f => Assert.Contains(f, plain, StringComparison.Ordinal));
        Assert.Equal(html.Sections, text.Sections);

        // The organization's document header: issuer, symbol in the meeting's series, date, original language.
        Assert.Contains("<header class=\"document\">", html.Content);
        foreach (var content in new[] { page, plain })
        {
            Assert.Contains("ORGANIZATION OF AMERICAN STATES", content, StringComparison.OrdinalIgnoreCase);
            Assert.Matches(@"GT/DOT-II/doc\. xx/\d\d", content);
            Assert.Contains("Original: English", content);
        }

        Assert.Contains("@page", html.Content);
    }

    [Fact]
    public async Task The_report_is_no_longer_than_one_and_a_half_times_the_seed_and_repeats_no_paragraph()
    {
        var markdown = await RenderAsync();
        var text = await RenderAsync(ReportFormat.Text);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(markdown.Content), SeedReportBytes / 2, SeedReportBytes * 3 / 2);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(text.Content), SeedReportBytes / 2, SeedReportBytes * 3 / 2);
        var paragraphs = markdown.Content.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        Assert.Equal(paragraphs.Count, paragraphs.Distinct().Count());
    }

    [Fact]
    public async Task The_ratification_figures_are_the_treaty_services_as_of_the_meeting_date_for_the_scope_named()
    {
        var report = await RenderAsync();

        // The same question put to Treaty directly gives the words the report carries.
        var treaty = mesh.Treaty.Client<Treaty.V1.TreatyService.TreatyServiceClient>();
        var direct = await treaty.GetRatificationReportAsync(new Treaty.V1.GetRatificationReportRequest
        {
            AsOf = new Google.Type.Date { Year = 2009, Month = 10, Day = 7 },
            InstrumentIds = { "untoc", "untoc-tip", "untoc-som", "untoc-firearms" },
        });
        Assert.Equal(4, direct.Tallies.Count);
        Assert.Contains(
            "The status on October 7, 2009, as computed from the treaty records for the 34 member states other than Cuba, whose government did not take part, was as follows. " + direct.Paragraph,
            report.Content);
        Assert.DoesNotContain("taking part", report.Content);
        Assert.DoesNotContain("Twenty-nine", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "meetings.json")));
    }

    [Fact]
    public async Task One_trace_of_the_report_shows_the_calls_to_the_three_services()
    {
        // The partner's call is part of a trace of its own (the hosts of other tests trace at the
        // same time); the trace travels with the call whether or not this process traces its calls.
        var traceId = ActivityTraceId.CreateRandom();
        using (var partnerCall = PartnerSpan.Start(traceId, ActivityTraceFlags.Recorded))
        {
            await mesh.Host.Meetings().RenderMeetingReportAsync(
                new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, new Metadata { { "traceparent", partnerCall.Id! } });
        }

        var sameTrace = mesh.Spans.Snapshot().Where(s => s.TraceId == traceId).Select(s => s.DisplayName).ToList();
        Assert.Contains("RenderMeetingReport", sameTrace);
        Assert.Contains(sameTrace, n => n.Contains("TreatyService/GetRatificationReport", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("DirectoryService/ListChangeRequests", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("TechnicalCooperationService/ListCourses", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("TechnicalCooperationService/GetNeedsAssessment", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
