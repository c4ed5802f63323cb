using System.Net.Sockets;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.Directory.V1;
using TocMesh.Meetings.V1;

namespace TocMesh.Mesh.Tests;

[Collection(MeshCollection.Name)]
public sealed class MeshTests(MeshFixture mesh)
{
    [Fact]
    public async Task The_four_services_answer_serving_on_grpc_health()
    {
        foreach (var service in MeshFixture.Services)
        {
            var health = new Health.HealthClient(mesh.Channel(service));
            var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        }
    }

    [Fact]
    public async Task The_directory_in_the_mesh_lists_the_35_member_states()
    {
        var directory = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
        var response = await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(35, response.TotalSize);
        Assert.Equal(35, response.MemberStates.Count);
    }

    [Fact]
    public async Task A_meeting_report_is_one_trace_across_meetings_and_the_three_services_it_calls()
    {
        var since = DateTimeOffset.UtcNow;
        var meetings = new MeetingsService.MeetingsServiceClient(mesh.Channel("meetings"));
        var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Empty(report.PartialSections);

        var trace = await mesh.Telemetry.WaitForTraceAsync(since, TimeSpan.FromSeconds(30),
            t => t.Any(s => s.Service == "meetings" && s.IsRoot && s.Name.Contains("RenderMeetingReport", StringComparison.Ordinal))
                 && new[] { "treaty", "directory", "techcoop" }.All(service => t.Any(s => s.Service == service)));

        Assert.NotEmpty(trace);
        Assert.Contains(trace, s => s.Service == "treaty" && s.Name.Contains("GetRatificationReport", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Service == "directory" && s.Name.Contains("ListChangeRequests", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Service == "techcoop");
    }

    [Fact]
    public async Task The_report_in_the_mesh_carries_treaty_figures_for_the_meeting_date()
    {
        var meetings = new MeetingsService.MeetingsServiceClient(mesh.Channel("meetings"));
        var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Empty(report.PartialSections);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", report.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_redis_refuses_a_client_without_its_password()
    {
        var connectionString = await mesh.App.GetConnectionStringAsync(MeshResources.Cache);
        Assert.Contains(",password=", connectionString, StringComparison.Ordinal);

        // A plain connection, as any local user could open: asked anything, Redis wants authentication first.
        var endpoint = mesh.App.GetEndpoint(MeshResources.Cache, "tcp");
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n"u8.ToArray());
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_service_starts_with_the_mesh_runtime_settings()
    {
        var model = mesh.App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var service in MeshResources.Services)
        {
#pragma warning disable CS0618 // the short way to read a resource's environment in a test
            var environment = await model.Resources.OfType<ProjectResource>().Single(r => r.Name == service).GetEnvironmentVariableValuesAsync();
#pragma warning restore CS0618
            foreach (var (name, value) in MeshResources.RuntimeEnvironment)
            {
                Assert.True(environment.TryGetValue(name, out var actual), $"{service} has no {name}");
                Assert.Equal(value, actual);
            }
        }
    }

    [Fact]
    public async Task Every_service_runs_from_the_assembly_the_build_made_with_no_dotnet_run_launcher()
    {
        var model = mesh.App.Services.GetRequiredService<DistributedApplicationModel>();
        var notifications = mesh.App.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var service in MeshFixture.Services)
        {
            var project = model.Resources.OfType<ProjectResource>().Single(r => r.Name == service).GetProjectMetadata().ProjectPath;
            var assembly = TocMesh.AppHost.ServiceResources.BuiltOutput(project);
            Assert.NotNull(assembly);

            // The process the orchestrator started and watches is the service itself: `dotnet <service>.dll`.
            var running = await notifications.WaitForResourceAsync(service, e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null))
                .WaitAsync(TimeSpan.FromSeconds(30));
            var pid = Convert.ToInt32(running.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Split('\0');
            Assert.Equal("dotnet", Path.GetFileName(commandLine[0]));
            Assert.Equal([assembly], commandLine[1..]);
            // Its content root, where its appsettings.json is, as under `dotnet run`: the project's folder.
            Assert.Equal(Path.GetDirectoryName(project), System.IO.Directory.ResolveLinkTarget($"/proc/{pid}/cwd", returnFinalTarget: false)?.FullName);
        }
    }

    [Fact]
    public async Task Each_calling_service_has_a_key_of_its_own_that_its_callees_know_only_by_hash_as_a_service_that_writes_nothing()
    {
        var model = mesh.App.Services.GetRequiredService<DistributedApplicationModel>();
        // What the AppHost gives each process in its environment, evaluated as at its start.
#pragma warning disable CS0618 // the short way to read a resource's environment in a test
        async Task<Dictionary<string, string>> EnvironmentOf(string service) =>
            await model.Resources.OfType<ProjectResource>().Single(r => r.Name == service).GetEnvironmentVariableValuesAsync();
#pragma warning restore CS0618

        var meetings = await EnvironmentOf(MeshResources.Meetings);
        var key = meetings["Auth__ServiceKey"];
        Assert.True(key.Length >= 32);
        Assert.NotEqual(key, (await EnvironmentOf(MeshResources.Treaty))["Auth__ServiceKey"]);
        var directory = await EnvironmentOf(MeshResources.Directory);
        Assert.DoesNotContain("Auth__ServiceKey", directory.Keys);
        Assert.DoesNotContain(key, directory.Values);
        Assert.Contains("service:meetings", directory.Values);

        // The Directory knows the key: it reads with it, and refuses a write.
        var client = new DirectoryService.DirectoryServiceClient(mesh.Channel(MeshResources.Directory));
        var withKey = new Metadata { { "authorization", "Bearer " + key } };
        await client.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" }, withKey, DateTime.UtcNow.AddSeconds(30));
        var e = await Assert.ThrowsAsync<RpcException>(() => client.CreateContactAsync(
            new CreateContactRequest { Contact = new Contact { StateCode = "MEX" } }, withKey, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }
}
