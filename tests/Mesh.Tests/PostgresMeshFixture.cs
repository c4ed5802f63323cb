using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TocMesh.Mesh.Tests.Otlp;

namespace TocMesh.Mesh.Tests;

/// <summary>
/// The mesh as it scales, started once from the AppHost: every service on one PostgreSQL (the local
/// server as an executable, its cluster in a temporary data folder), Redis as a local redis-server, and
/// two replicas of the Directory, starting together on its empty database. Runs after the mesh on
/// SQLite (see <see cref="MeshCollectionOrder"/>). The PostgreSQL process is stopped and the data
/// folder deleted when the tests end, also when the start failed.
/// </summary>
public sealed class PostgresMeshFixture : IAsyncLifetime
{
    /// <summary>The key of the Secretariat in this mesh (only its SHA-256 goes to the services).</summary>
    public const string SecretariatKey = "mesh-test-key-secretariat";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly List<GrpcChannel> _channels = [];
    private bool _disposed;
    private readonly TemporaryFolder _data = new("tocmesh-mesh-pg");

    public DistributedApplication App { get; private set; } = null!;

    public TelemetryReceiver Telemetry { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    /// <summary>The server's address for the postgres superuser (Database=postgres).</summary>
    public string ServerConnectionString { get; private set; } = "";

    /// <summary>Where the AppHost's local server keeps its cluster: <c>postgres/cluster</c> in the data folder.</summary>
    private string Cluster => Path.Combine(_data.Path, "postgres", "cluster");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Stop what did start now, whether or not the runner disposes a fixture whose start failed.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Telemetry = await TelemetryReceiver.StartAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SecretariatKey)));
        string[] args =
        [
            "--Database:Provider=postgres",
            "--Database:Mode=executable",
            $"--Data:Folder={_data.Path}",
            "--Cache:Mode=executable",
            // Two Directory processes start together on its empty database (the migration and seed
            // race); the other services run once, so the start stays within the bound on 2 busy cores.
            "--Replicas:directory=2",
            "--Auth:ApiKeys:0:Agency=OAS General Secretariat",
            $"--Auth:ApiKeys:0:Sha256={hash}",
            "--Auth:ApiKeys:0:Roles:0=secretariat",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args).WaitAsync(StartTimeout);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        foreach (var service in MeshFixture.Services)
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment(context =>
            {
                foreach (var (name, value) in MeshFixture.ExportTo(Telemetry))
                {
                    context.EnvironmentVariables[name] = value;
                }

                context.EnvironmentVariables["Meetings__Report__DependencyTimeout"] = "00:00:20";
                // A watcher looks at the change log again when a write wakes it (over Redis, from
                // either replica) or after this interval: far longer than the tests, so a change that
                // reaches a watcher in the tests came by the wake-up.
                context.EnvironmentVariables["Directory__WatchPollInterval"] = "01:00:00";
            });
        }

        var started = Stopwatch.StartNew();
        App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await App.StartAsync().WaitAsync(StartTimeout);
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(MeshFixture.Services.Append("postgres").Append("cache")
            .Select(s => notifications.WaitForResourceHealthyAsync(s))).WaitAsync(StartTimeout);
        StartedIn = started.Elapsed;
        ServerConnectionString = new NpgsqlConnectionStringBuilder(await App.GetConnectionStringAsync("postgres")) { Database = "postgres" }.ConnectionString;
    }

    public GrpcChannel Channel(string service)
    {
        var channel = GrpcChannel.ForAddress(App.GetEndpoint(service, "http"));
        _channels.Add(channel);
        return channel;
    }

    public CallOptions Secretariat(TimeSpan deadline) =>
        new(new Metadata { { "authorization", $"Bearer {SecretariatKey}" } }, DateTime.UtcNow + deadline);

    /// <summary>One value read straight from a service's PostgreSQL database.</summary>
    public async Task<T> QueryAsync<T>(string database, string sql)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        try
        {
            if (App is not null)
            {
                await App.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
                await App.DisposeAsync();
            }
        }
        finally
        {
            StopLeftoverServer();
            if (Telemetry is not null)
            {
                await Telemetry.DisposeAsync();
            }

            _data.Dispose();
        }
    }

    /// <summary>
    /// The AppHost stops the server with the mesh; should it still run (the stop timed out), end the
    /// postmaster of this cluster by the process id in its postmaster.pid.
    /// </summary>
    private void StopLeftoverServer()
    {
        var pidFile = Path.Combine(Cluster, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            if (postmaster.ProcessName != "postgres")
            {
                return; // a stale file: that id is another process now
            }

            // SIGQUIT: immediate shutdown; the postmaster ends its own children.
            using var kill = Process.Start("kill", ["-QUIT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit(TimeSpan.FromSeconds(5));
            postmaster.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // No such process: the server had stopped.
        }
    }
}
