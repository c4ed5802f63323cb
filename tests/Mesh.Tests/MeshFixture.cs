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
/// The whole mesh, started once from the AppHost for every mesh test: the four services, Redis
/// (container or local redis-server) and their telemetry sent to a test OTLP receiver. Each service
/// gets a throwaway database folder.
/// </summary>
public sealed class MeshFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["directory", "treaty", "techcoop", "meetings"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly List<GrpcChannel> _channels = [];
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tocmesh-mesh-tests", Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public TraceReceiver Traces { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        Traces = await TraceReceiver.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>().WaitAsync(StartTimeout);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        foreach (var service in Services)
        {
            var folder = Path.Combine(_dataFolder, service);
            System.IO.Directory.CreateDirectory(folder);
            builder.CreateResourceBuilder<ProjectResource>(service)
                .WithEnvironment($"ConnectionStrings__{service}db", $"Data Source={Path.Combine(folder, service + ".db")}")
                .WithEnvironment(context =>
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
                    context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "200";
                    // Two cores shared with every other test project: give first (cold) calls room.
                    context.EnvironmentVariables["Meetings__Report__DependencyTimeout"] = "00:00:20";
                });
        }

        var started = DateTime.UtcNow;
        App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await App.StartAsync().WaitAsync(StartTimeout);
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(Services.Select(s => notifications.WaitForResourceHealthyAsync(s))).WaitAsync(StartTimeout);
        StartedIn = DateTime.UtcNow - started;

        // Warm the mesh (first calls load snapshots and JIT-compile on a loaded machine), then forget
        // the warm-up's spans so that trace tests see only their own calls.
        var meetings = new MeetingsService.MeetingsServiceClient(Channel("meetings"));
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(60));
            if (report.PartialSections.Count == 0)
            {
                break;
            }
        }

        await Task.Delay(1000);
        Traces.Spans.Clear();
    }

    public GrpcChannel Channel(string service)
    {
        var channel = GrpcChannel.ForAddress(App.GetEndpoint(service, "http"));
        _channels.Add(channel);
        return channel;
    }

    public async Task DisposeAsync()
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

        await Traces.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A service may still hold a file for a moment; the folder is under /tmp.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MeshCollection : ICollectionFixture<MeshFixture>
{
    public const string Name = "mesh";
}
