using System.Diagnostics;
using OpenTelemetry.Trace;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>
/// <c>Telemetry:TraceSampleRatio</c> decides for calls that start a trace; a call inside a trace follows
/// its caller's decision, so a trace is recorded whole or not at all, whatever each service's ratio.
/// </summary>
[Collection(nameof(ProcessWideTraces))]
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task A_call_inside_a_sampled_trace_is_recorded_and_one_inside_an_unsampled_trace_is_not()
    {
        var telemetry = new TelemetryCapture();
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop").WithDependencyDown("directory")
            .WithSetting("Telemetry:TraceSampleRatio", "0.5")
            .WithServices(telemetry.AddTo);
        var meetings = host.Meetings();
        await meetings.ListMeetingsAsync(new ListMeetingsRequest());

        // Traces the ratio alone would decide the other way: only the caller's decision can record the
        // first and leave out the second.
        var sampled = TraceTheRatioDrops(drop: true);
        var unsampled = TraceTheRatioDrops(drop: false);
        for (var i = 0; i < 20; i++)
        {
            await CallInsideAsync(meetings, sampled, ActivityTraceFlags.Recorded);
            await CallInsideAsync(meetings, unsampled, ActivityTraceFlags.None);
        }

        // A span is exported when it ends, just after its answer; give the last ones a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count(telemetry, sampled) < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(20, Count(telemetry, sampled));
        Assert.Equal(0, Count(telemetry, unsampled));
    }

    [Fact]
    public async Task In_production_a_tenth_of_new_calls_start_a_recorded_trace_and_elsewhere_every_call_does()
    {
        // 300 calls at a tenth: about 30, and outside 8-60 about once in a million runs.
        Assert.InRange(await RecordedOfAsync(calls: 300, environment: "Production"), 8, 60);
        Assert.Equal(40, await RecordedOfAsync(calls: 40, environment: "Testing"));
    }

    /// <summary>How many of <paramref name="calls"/> new calls (no trace context sent) a service in <paramref name="environment"/> records.</summary>
    private static async Task<int> RecordedOfAsync(int calls, string environment)
    {
        var telemetry = new TelemetryCapture();
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop").WithDependencyDown("directory")
            .WithSetting("environment", environment)
            .WithServices(telemetry.AddTo);
        var meetings = host.Meetings();
        for (var i = 0; i < calls; i++)
        {
            await meetings.ListMeetingsAsync(new ListMeetingsRequest());
        }

        // A span is exported when it ends, just after its answer: count until the count stops moving.
        var recorded = -1;
        for (var settled = 0; settled < 5; settled = recorded == Count(telemetry) ? settled + 1 : 0)
        {
            recorded = Count(telemetry);
            await Task.Delay(100);
        }

        return recorded;

        static int Count(TelemetryCapture telemetry) =>
            telemetry.Spans.Count(s => s.StartsWith("Microsoft.AspNetCore|", StringComparison.Ordinal) && s.Contains("ListMeetings", StringComparison.Ordinal));
    }

    /// <summary>A partner's call made inside its own trace: the client sends that trace, and its decision, as traceparent.</summary>
    private static async Task CallInsideAsync(MeetingsService.MeetingsServiceClient client, ActivityTraceId trace, ActivityTraceFlags flags)
    {
        using var partnerSpan = PartnerSpan.Start(trace, flags);
        await client.ListMeetingsAsync(new ListMeetingsRequest());
    }

    private static ActivityTraceId TraceTheRatioDrops(bool drop)
    {
        var ratio = new TraceIdRatioBasedSampler(0.5);
        while (true)
        {
            var trace = ActivityTraceId.CreateRandom();
            var decision = ratio.ShouldSample(new SamplingParameters(default, trace, "call", ActivityKind.Server)).Decision;
            if ((decision == SamplingDecision.Drop) == drop)
            {
                return trace;
            }
        }
    }

    private static int Count(TelemetryCapture telemetry, ActivityTraceId trace) =>
        telemetry.Spans.Count(s => s.StartsWith("Microsoft.AspNetCore|", StringComparison.Ordinal) // the server's span, not the client's
            && s.Contains("trace=" + trace, StringComparison.Ordinal) && s.Contains("ListMeetings", StringComparison.Ordinal));
}
