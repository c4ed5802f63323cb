using System.Text.RegularExpressions;
using TocMesh.Directory.V1;
using TocMesh.Meetings.V1;
using TocMesh.Mesh.Tests.Otlp;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.Treaty.V1;
using Xunit.Abstractions;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Mesh.Tests;

/// <summary>
/// What an operator sees in the dashboard after a fresh start on empty data folders and a few partner
/// calls: no error entries, and traces that are the partner calls, named by their gRPC methods, not
/// background work.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed partial class QuietStartTests(MeshFixture mesh, ITestOutputHelper output)
{
    private const string RedisInstrumentation = "OpenTelemetry.Instrumentation.StackExchangeRedis";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static int _reportDay;

    /// <summary>The partner calls below: one per service, and one that crosses the mesh.</summary>
    private static readonly string[] CalledMethods =
    [
        "tocmesh.treaty.v1.TreatyService/GetRatificationReport",
        "tocmesh.directory.v1.DirectoryService/ListMemberStates",
        "tocmesh.techcoop.v1.TechnicalCooperationService/ListCourses",
        "tocmesh.meetings.v1.MeetingsService/RenderMeetingReport",
    ];

    [Fact]
    public async Task No_service_logs_an_error_while_it_starts_on_empty_data_folders_or_answers_partner_calls()
    {
        var since = DateTimeOffset.UtcNow;
        await CallAsPartnerAsync();
        await WaitForTheCallsAsync(since);
        // Logs leave in batches as spans do (every 200 ms here): let the last batches of the calls arrive.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var logs = mesh.Telemetry.Logs;
        // The receiver heard every service from its start: each logged that its database was ready.
        foreach (var service in MeshFixture.Services)
        {
            Assert.Contains(logs, l => l.Service == service && l.Body.Contains("is migrated and seeded", StringComparison.Ordinal));
        }

        var errors = logs.Where(l => l.IsError).ToList();
        foreach (var error in errors)
        {
            output.WriteLine(error.ToString());
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Partner_calls_are_recorded_as_traces_whose_server_spans_are_named_by_their_grpc_method()
    {
        var since = DateTimeOffset.UtcNow;
        await CallAsPartnerAsync();
        var calls = await WaitForTheCallsAsync(since);

        foreach (var method in CalledMethods)
        {
            var span = Assert.Single(calls, s => s.Name == method);
            Assert.Equal(SpanKind.Server, span.Kind);
            Assert.Equal("grpc", span.Attribute("rpc.system"));
            Assert.Equal(method[..method.IndexOf('/', StringComparison.Ordinal)], span.Attribute("rpc.service"));
            Assert.Equal(method[(method.IndexOf('/', StringComparison.Ordinal) + 1)..], span.Attribute("rpc.method"));
            Assert.Equal("0", span.Attribute("rpc.grpc.status_code"));
        }

        // The report's calls to the three services are server spans of its trace, named the same way
        // (each service exports its own spans: wait for theirs too).
        var report = calls.Single(s => s.Name == CalledMethods[^1]);
        var spans = await mesh.Telemetry.WaitForSpansAsync(Bound, s => HopsOf(report, s).Select(h => h.Service).Distinct().Count() == 3);
        var hops = HopsOf(report, spans);
        Assert.Contains(hops, s => s.Service == MeshResources.Treaty && s.Name == "tocmesh.treaty.v1.TreatyService/GetRatificationReport");
        Assert.Contains(hops, s => s.Service == MeshResources.Directory && s.Name == "tocmesh.directory.v1.DirectoryService/ListChangeRequests");
        Assert.Contains(hops, s => s.Service == MeshResources.TechnicalCooperation && s.Name.StartsWith("tocmesh.techcoop.v1.TechnicalCooperationService/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_trace_since_the_start_begins_with_a_call_and_none_with_background_redis_traffic()
    {
        await CallAsPartnerAsync();

        // Redis is traced inside calls (the report's cache lookups): its spans are there, as children.
        var spans = await mesh.Telemetry.WaitForSpansAsync(Bound, s => s.Any(x => x.Scope == RedisInstrumentation && !x.IsRoot));
        Assert.Contains(spans, s => s.Scope == RedisInstrumentation && !s.IsRoot);

        var roots = spans.Where(s => s.IsRoot).ToList();
        output.WriteLine($"{spans.Count} spans, {roots.Count} traces since the start; roots: {string.Join(", ", roots.Select(r => r.Name).Distinct())}");
        Assert.DoesNotContain(roots, s => s.Scope == RedisInstrumentation);
        Assert.All(roots, root =>
        {
            Assert.True(root.Kind == SpanKind.Server, $"a trace began with {root}");
            Assert.Matches(GrpcMethod(), root.Name);
        });
    }

    /// <summary>The server spans in the trace of <paramref name="call"/> other than its own: the calls it made.</summary>
    private static List<ReceivedSpan> HopsOf(ReceivedSpan call, IEnumerable<ReceivedSpan> spans) =>
        [.. spans.Where(s => s.TraceId == call.TraceId && s.Kind == SpanKind.Server && !s.IsRoot)];

    /// <summary>A handful of partner calls, as a partner makes them: no trace context of their own.</summary>
    private async Task CallAsPartnerAsync()
    {
        var deadline = DateTime.UtcNow + Bound;
        var treaty = new TreatyService.TreatyServiceClient(mesh.Channel(MeshResources.Treaty));
        // A date no other call asked for: built and cached now, in Redis too.
        var day = (Interlocked.Increment(ref _reportDay) % 28) + 1;
        await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = new ProtoDate { Year = 2011, Month = 3, Day = day } }, deadline: deadline);
        var directory = new DirectoryService.DirectoryServiceClient(mesh.Channel(MeshResources.Directory));
        await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 10 }, deadline: deadline);
        var techcoop = new TechnicalCooperationService.TechnicalCooperationServiceClient(mesh.Channel(MeshResources.TechnicalCooperation));
        await techcoop.ListCoursesAsync(new ListCoursesRequest(), deadline: deadline);
        var meetings = new MeetingsService.MeetingsServiceClient(mesh.Channel(MeshResources.Meetings));
        var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: deadline);
        Assert.Empty(report.PartialSections);
    }

    /// <summary>The root spans of the calls made since <paramref name="since"/>, once each of them has arrived.</summary>
    private async Task<IReadOnlyList<ReceivedSpan>> WaitForTheCallsAsync(DateTimeOffset since)
    {
        var spans = await mesh.Telemetry.WaitForSpansAsync(Bound, s => CalledMethods.All(m => s.Any(x => x.IsRoot && x.Start >= since && x.Name == m)));
        var calls = spans.Where(s => s.IsRoot && s.Start >= since && CalledMethods.Contains(s.Name)).ToList();
        Assert.True(CalledMethods.All(m => calls.Any(c => c.Name == m)),
            $"not every call was recorded as a trace: roots since {since:O}: {string.Join(", ", spans.Where(s => s.IsRoot && s.Start >= since).Select(s => s.Name))}");
        return calls;
    }

    [GeneratedRegex(@"^[a-z0-9_.]+\.[A-Za-z0-9]+Service/[A-Za-z0-9]+$")]
    private static partial Regex GrpcMethod();
}
