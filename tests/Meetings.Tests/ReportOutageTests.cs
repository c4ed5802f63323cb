using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Grpc.Core;
using TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Tests;

/// <summary>The report with the services it draws on down or silent: rendered anyway, without waiting on them longer than their deadlines, saying what is missing.</summary>
public sealed class ReportOutageTests
{
    [Fact]
    public async Task With_treaty_and_techcoop_down_the_report_renders_without_waiting_out_its_deadlines_and_lists_their_sections_as_partial()
    {
        // A deadline per call far beyond the call's own ceiling: the report can only come back
        // within it by taking the failed calls as failed, not by waiting for them to time out.
        using var host = new MeetingsHost();
        host.WithSetting("Meetings:Report:DependencyTimeout", "00:10:00")
            .WithDependencyDown("treaty").WithDependencyDown("techcoop");

        var report = await host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(60));

        // The sections where the missing material belongs are incomplete, and say so in words; the structured response says why.
        Assert.Equal(["agenda", "session-4"], report.PartialSections);
        Assert.Equal("treaty: Unavailable", report.Sections.Single(s => s.Id == "agenda").UnavailableReason);
        Assert.Equal("techcoop: Unavailable", report.Sections.Single(s => s.Id == "session-4").UnavailableReason);
        Assert.Contains("(GT/DOT-II/doc.5/09 corr. 1). The status of ratifications as of October 7, 2009 could not be computed for this report.", report.Content);
        Assert.Contains("(GT/DOT-II/doc.6/09 corr. 1). The needs recorded since could not be obtained for this report.", report.Content);
        Assert.Contains("(GT/DOT-II/doc.7/09 corr. 1). The courses and workshops recorded for the toolkit could not be obtained for this report.", report.Content);
        Assert.DoesNotContain("treaty", report.Content, StringComparison.OrdinalIgnoreCase);

        // What the meeting's own records hold is all there, and so is the Directory's state.
        Assert.All(report.Sections.Where(s => s.Id is not ("agenda" or "session-4")), s => Assert.True(s.Available));
        Assert.Contains("none of these new points of contact is yet recorded in the Directory", report.Content);
        Assert.Contains("Mr. Roland Maunday", report.Content);
        Assert.Contains("at 1:30 p.m., the meeting was declared closed", report.Content);
        Assert.DoesNotContain("Twenty-nine", report.Content);
    }

    [Fact]
    public async Task Dependencies_that_never_answer_are_waited_for_side_by_side_each_until_its_deadline()
    {
        var silent = new SilentCalls();
        using var host = new MeetingsHost();
        host.WithSetting("Meetings:Report:DependencyTimeout", "00:00:02")
            .WithDependency("treaty", () => new SilentHandler(silent))
            .WithDependency("techcoop", () => new SilentHandler(silent));
        var meetings = host.Meetings();
        var request = new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = ReportFormat.Text };

        // A first render warms what the report reads before it calls out; the second one is measured.
        await meetings.RenderMeetingReportAsync(request, deadline: DateTime.UtcNow.AddSeconds(60));
        await silent.AbandonedAsync(3);
        var requested = Stopwatch.GetTimestamp();
        var report = await meetings.RenderMeetingReportAsync(request, deadline: DateTime.UtcNow.AddSeconds(60));

        Assert.Equal(["agenda", "session-4"], report.PartialSections);
        // Late, not failed: the report's wait, its token or the call's deadline ran out (three timers
        // of the same length; whichever fires first words the reason; the two calls to techcoop may differ).
        Assert.Matches("^treaty: (no answer within 2 s|Cancelled|DeadlineExceeded)$", report.Sections.Single(s => s.Id == "agenda").UnavailableReason);
        Assert.Matches("^techcoop: (no answer within 2 s|Cancelled|DeadlineExceeded)(; techcoop: (no answer within 2 s|Cancelled|DeadlineExceeded))?$", report.Sections.Single(s => s.Id == "session-4").UnavailableReason);
        Assert.Equal("text/plain", report.ContentType);
        Assert.Contains("There being no other business, at 1:30 p.m., the meeting was declared closed.", report.Content);

        // Each silent call was given up no sooner than its deadline after the report was asked for
        // (a lower bound, which load only makes easier to meet); all three were under way before the
        // first was given up, so the report waited for them side by side, not in turn.
        var calls = await silent.AbandonedAsync(3);
        Assert.Equal(
            ["/tocmesh.techcoop.v1.TechnicalCooperationService/GetNeedsAssessment", "/tocmesh.techcoop.v1.TechnicalCooperationService/ListCourses", "/tocmesh.treaty.v1.TreatyService/GetRatificationReport"],
            calls.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.True(
            Stopwatch.GetElapsedTime(requested, c.Abandoned) >= TimeSpan.FromMilliseconds(1950),
            $"{c.Path} was given up {Stopwatch.GetElapsedTime(requested, c.Abandoned)} after the report was asked for, before its 2 s deadline"));
        Assert.True(calls.Max(c => c.Started) < calls.Min(c => c.Abandoned), "a silent call started only after another had been given up");
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

    /// <summary>A service that accepts the call and never answers; it notes when the caller gives up.</summary>
    private sealed class SilentHandler(SilentCalls calls) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                calls.Add(new SilentCall(request.RequestUri!.AbsolutePath, started, Stopwatch.GetTimestamp()));
            }

            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>A call a silent service took: its path, and when it came and was given up (<see cref="Stopwatch"/> timestamps).</summary>
    private sealed record SilentCall(string Path, long Started, long Abandoned);

    /// <summary>The silent calls given up, in the order they were, whichever handler instance took them.</summary>
    private sealed class SilentCalls
    {
        private readonly ConcurrentQueue<SilentCall> _calls = new();
        private readonly SemaphoreSlim _added = new(0);

        public void Add(SilentCall call)
        {
            _calls.Enqueue(call);
            _added.Release();
        }

        /// <summary>
        /// The next <paramref name="count"/> calls given up. A call is given up by the report's own
        /// deadline or the call's, so they come soon after the report; the wait only guards against a hang.
        /// </summary>
        public async Task<IReadOnlyList<SilentCall>> AbandonedAsync(int count)
        {
            var calls = new List<SilentCall>();
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _added.WaitAsync(TimeSpan.FromSeconds(60)), $"only {i} silent calls were given up");
                Assert.True(_calls.TryDequeue(out var call));
                calls.Add(call);
            }

            return calls;
        }
    }
}
