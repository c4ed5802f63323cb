using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TocMesh.Meetings.V1;
using TocMesh.Mesh.Tests.Otlp;

namespace TocMesh.Mesh.Tests;

/// <summary>
/// The whole mesh, started once from the AppHost for every mesh test, as a new operator starts it:
/// the four services on SQLite and Redis (the local redis-server), on an empty data folder, their
/// logs and traces sent to a test OTLP receiver from their first moment on. The data folder is
/// deleted when the tests end.
/// </summary>
public sealed class MeshFixture : IAsyncLifetime
{
    public static readonly string[] Services = [MeshResources.Directory, MeshResources.Treaty, MeshResources.TechnicalCooperation, MeshResources.Meetings];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly List<GrpcChannel> _channels = [];
    private readonly TemporaryFolder _data = new("tocmesh-mesh");

    public DistributedApplication App { get; private set; } = null!;

    public TelemetryReceiver Telemetry { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    /// <summary>When the fixture's own calls (the warm-up) were done: the tests' calls come after.</summary>
    public DateTimeOffset WarmedUpAt { get; private set; }

    public async Task InitializeAsync()
    {
        Telemetry = await TelemetryReceiver.StartAsync();
        string[] args = [$"--Data:Folder={_data.Path}", "--Cache:Mode=executable"];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args).WaitAsync(StartTimeout);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        foreach (var service in Services)
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment(context =>
            {
                foreach (var (name, value) in ExportTo(Telemetry))
                {
                    context.EnvironmentVariables[name] = value;
                }

                // Two cores shared with every other test project: give first (cold) calls room.
                context.EnvironmentVariables["Meetings__Report__DependencyTimeout"] = "00:00:20";
            });
        }

        var started = DateTime.UtcNow;
        App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await App.StartAsync().WaitAsync(StartTimeout);
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(Services.Append(MeshResources.Cache).Select(s => notifications.WaitForResourceHealthyAsync(s))).WaitAsync(StartTimeout);
        StartedIn = DateTime.UtcNow - started;

        // Warm the mesh: first calls load snapshots and JIT-compile on a loaded machine.
        var meetings = new MeetingsService.MeetingsServiceClient(Channel(MeshResources.Meetings));
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(60));
            if (report.PartialSections.Count == 0)
            {
                break;
            }
        }

        WarmedUpAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The settings that send a service's logs, traces and metrics to <paramref name="receiver"/>, promptly.</summary>
    public static IEnumerable<(string Name, string Value)> ExportTo(TelemetryReceiver receiver) =>
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
        ("OTEL_BSP_SCHEDULE_DELAY", "200"),
        ("OTEL_BLRP_SCHEDULE_DELAY", "200"),
    ];

    public GrpcChannel Channel(string service)
    {
        var channel = GrpcChannel.ForAddress(App.GetEndpoint(service, "http"));
        _channels.Add(channel);
        return channel;
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var channel in _channels)
            {
                channel.Dispose();
            }

            if (App is not null)
            {
                await App.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
                await App.DisposeAsync();
            }

            if (Telemetry is not null)
            {
                await Telemetry.DisposeAsync();
            }
        }
        finally
        {
            _data.Dispose();
        }
    }
}
