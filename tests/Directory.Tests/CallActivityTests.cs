using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

/// <summary>
/// The request's activity of a call left out of tracing: it still exists (its trace context reaches the
/// calls it makes and its logs) but carries no tags, which no one would read; a recorded call keeps them.
/// Logs name their call by its trace, recorded or not, without a log scope per request.
/// </summary>
public sealed class CallActivityTests
{
    [Fact]
    public async Task A_call_left_out_of_tracing_keeps_its_activity_without_tags_and_a_recorded_call_keeps_its_tags()
    {
        using var host = new DirectoryHost();
        var directory = host.Directory();
        var recorded = ActivityTraceId.CreateRandom();
        var unrecorded = ActivityTraceId.CreateRandom();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            // Sees every request activity of the process without raising anyone's sampling decision.
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == recorded || activity.TraceId == unrecorded)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        foreach (var (trace, flags) in new[] { (recorded, ActivityTraceFlags.Recorded), (unrecorded, ActivityTraceFlags.None) })
        {
            using var caller = PartnerSpan.Start(trace, flags);
            Assert.Equal("MEX", (await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" })).MemberState.Code);
            await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "ZZZ" }).ResponseAsync);
        }

        // An activity stops just after its answer; give the last one a moment.
        for (var waited = 0; stopped.Count < 4 && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        var calls = stopped.ToArray();
        Assert.Equal(4, calls.Length);

        var left = calls.Where(a => a.TraceId == unrecorded).ToArray();
        Assert.Equal(2, left.Length);
        Assert.All(left, a => Assert.False(a.IsAllDataRequested));
        Assert.All(left, a => Assert.Empty(a.TagObjects));

        var kept = calls.Where(a => a.TraceId == recorded).ToArray();
        Assert.Equal(2, kept.Length);
        Assert.All(kept, a => Assert.Equal("tocmesh.directory.v1.DirectoryService/GetMemberState", a.DisplayName));
        Assert.All(kept, a => Assert.Equal("/tocmesh.directory.v1.DirectoryService/GetMemberState", a.GetTagItem("grpc.method")));
        Assert.Equal(["0", "5"], kept.Select(a => a.GetTagItem("grpc.status_code")).Order());
        Assert.Equal([0, 5], kept.Select(a => (int)a.GetTagItem("rpc.grpc.status_code")!).Order());
    }

    [Fact]
    public async Task A_log_written_during_a_call_carries_the_calls_trace_whether_the_call_is_recorded_or_not()
    {
        var telemetry = new TelemetryCapture();
        using var host = new DirectoryHost();
        host.WithServices(telemetry.AddTo);
        var guesser = host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.9", apiKey: "not-a-key-anyone-was-given");
        var recorded = ActivityTraceId.CreateRandom();
        var unrecorded = ActivityTraceId.CreateRandom();

        foreach (var (trace, flags) in new[] { (recorded, ActivityTraceFlags.Recorded), (unrecorded, ActivityTraceFlags.None) })
        {
            using var caller = PartnerSpan.Start(trace, flags);
            await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => guesser.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" }).ResponseAsync);
        }

        // The warning each refused key is logged with names the call by its trace, as the request's
        // log scope once did by its id.
        Assert.Contains(telemetry.Logs, l => l.Contains("Failed authentication from 198.51.100.9", StringComparison.Ordinal) && l.Contains($"trace={recorded}", StringComparison.Ordinal));
        Assert.Contains(telemetry.Logs, l => l.Contains("Failed authentication from 198.51.100.9", StringComparison.Ordinal) && l.Contains($"trace={unrecorded}", StringComparison.Ordinal));

        // And no request scope was pushed for it (a sixth of a cached read's bytes; LoggingDefaults).
        Assert.DoesNotContain(telemetry.Logs, l => l.Contains("RequestPath", StringComparison.Ordinal));
    }
}
