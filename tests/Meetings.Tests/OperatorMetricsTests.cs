using System.Diagnostics;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>The meeting report's render time, in the dashboard: each render, and whether a section was missing.</summary>
public sealed class OperatorMetricsTests
{
    private const string Render = "tocmesh.report.render.duration";

    [Fact]
    public async Task Each_render_of_a_meeting_report_is_timed_and_says_whether_it_was_partial()
    {
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop");
        var meetings = host.Meetings();
        await meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-ii" }); // started and seeded
        using var metrics = new MetricRecorder(host.Services, Render);

        var partial = await TimedAsync(() => meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        var complete = await TimedAsync(() => meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-i" }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);

        var renders = metrics.Of(Render);
        Assert.Equal(2, renders.Count);
        Assert.All(renders, r => Assert.Equal("meeting", r.Tag("report")));
        Assert.Equal("True", renders[0].Tag("partial")); // treaty and techcoop are down
        Assert.Equal("False", renders[1].Tag("partial")); // the first meeting draws on neither
        // In seconds, and within the call that asked for it, as the caller measured that call.
        Assert.InRange(renders[0].Value, double.Epsilon, partial.TotalSeconds);
        Assert.InRange(renders[1].Value, double.Epsilon, complete.TotalSeconds);
    }

    private static async Task<TimeSpan> TimedAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(started);
    }
}
