using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.Directory.V1;
using TocMesh.Mesh.Tests.Otlp;
using TocMesh.Treaty.V1;
using Xunit.Abstractions;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Mesh.Tests;

/// <summary>The mesh on PostgreSQL with two Directory replicas behind Aspire's proxy, and Redis.</summary>
[Collection(PostgresMeshCollection.Name)]
public sealed class PostgresMeshTests(PostgresMeshFixture mesh, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_service_and_both_directory_replicas_are_healthy_on_postgres()
    {
        output.WriteLine($"mesh on PostgreSQL started in {mesh.StartedIn.TotalSeconds:F1} s");
        foreach (var service in MeshFixture.Services)
        {
            var health = new Health.HealthClient(mesh.Channel(service));
            var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        }

        // The AppHost's model: the Directory resource runs as two processes (replica instances).
        var notifications = mesh.App.Services.GetRequiredService<ResourceNotificationService>();
        var running = new HashSet<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var update in notifications.WatchAsync(cts.Token))
            {
                if (update.Resource.Name == "directory" && update.Snapshot.State?.Text == KnownResourceStates.Running)
                {
                    running.Add(update.ResourceId);
                }

                if (running.Count == 2)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Asserted below.
        }

        output.WriteLine($"directory replicas running: {string.Join(", ", running)}");
        Assert.Equal(2, running.Count);
    }

    [Fact]
    public async Task No_service_logs_an_error_while_two_directory_replicas_start_together_on_the_empty_database()
    {
        // Every process said its database was ready (both replicas: one migrated and seeded while the
        // other waited): the receiver heard them from their start.
        var logs = await WaitForLogsAsync(l => MeshFixture.Services.All(service =>
            l.Where(x => x.Service == service && x.Body.Contains("is migrated and seeded", StringComparison.Ordinal))
                .Select(x => x.Instance).Distinct().Count() == (service == MeshResources.Directory ? 2 : 1)));

        var errors = logs.Where(l => l.IsError).ToList();
        foreach (var error in errors)
        {
            output.WriteLine(error.ToString());
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_directory_lists_the_35_member_states_from_postgres()
    {
        var directory = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
        var response = await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 }, deadline: DateTime.UtcNow + Bound);
        Assert.Equal(35, response.TotalSize);
        Assert.Equal(35, response.MemberStates.Count);

        // Seeded once although two replicas started together on the empty database.
        Assert.Equal(35L, await mesh.QueryAsync<long>("directorydb", "SELECT count(*) FROM \"MemberStates\""));
        // ...and migrated once: each of the Directory's PostgreSQL migrations recorded once.
        Assert.Equal(DirectoryPostgresMigrations(), await mesh.QueryAsync<long>("directorydb", "SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }

    /// <summary>How many PostgreSQL migrations the Directory has, counted in its source.</summary>
    private static long DirectoryPostgresMigrations()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TocMesh.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root!.FullName, "src", "Directory", "Data", "Migrations", "Postgres");
        return System.IO.Directory.GetFiles(folder, "*.cs")
            .Count(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal) && !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contact_created_through_one_connection_is_read_at_once_through_fresh_connections_on_both_replicas()
    {
        var writer = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
        var created = (await writer.CreateContactAsync(
            new CreateContactRequest { Contact = PointOfContact("KNA", "Ministry of National Security"), RequestId = Guid.NewGuid().ToString() },
            mesh.Secretariat(Bound))).Contact;
        var id = created.Name["contacts/".Length..];
        Assert.Equal(1L, await mesh.QueryAsync<long>("directorydb", $"SELECT count(*) FROM \"Contacts\" WHERE \"Id\" = '{id}'"));

        // Each channel is a new HTTP/2 connection, which the proxy gives to one replica or the other;
        // which one answered shows in the spans it exports (service.instance.id: one per replica).
        var readers = 0;
        var instances = new HashSet<string>();
        while (readers < 24 && (readers < 6 || instances.Count < 2))
        {
            var reader = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
            var read = await reader.GetContactAsync(new GetContactRequest { Name = created.Name }, mesh.Secretariat(Bound));
            readers++;
            Assert.Equal(created.Etag, read.Contact.Etag);
            Assert.Equal("Ministry of National Security", read.Contact.Institution);
            Assert.Equal(created.Person, read.Contact.Person);
            instances = await AnsweringInstancesAsync("GetContact", readers, TimeSpan.FromSeconds(readers < 6 ? 0 : 5));
        }

        output.WriteLine($"{readers} fresh connections read the contact; answered by {instances.Count} directory processes: {string.Join(", ", instances)}");
        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public async Task A_watch_on_one_connection_is_woken_by_changes_written_through_others_on_either_replica()
    {
        // The watchers' poll interval is an hour in this mesh, longer than this test may run: every
        // change after the first read reaches the watcher only because a write woke it, over Redis
        // when the write landed on the other replica.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watcher = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
        using var watch = watcher.WatchDirectory(new WatchDirectoryRequest { StateCode = "GRD" }, mesh.Secretariat(TimeSpan.FromMinutes(2)).WithCancellationToken(cts.Token));
        await watch.ResponseHeadersAsync.WaitAsync(Bound);

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 4; i++)
        {
            // A fresh connection for every write: they land on either replica.
            var writer = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
            var clock = Stopwatch.StartNew();
            var contact = (await writer.CreateContactAsync(
                new CreateContactRequest { Contact = PointOfContact("GRD", $"Ministry {i}"), RequestId = Guid.NewGuid().ToString() },
                mesh.Secretariat(Bound))).Contact;
            Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.Equal(contact.Name, watch.ResponseStream.Current.Contact.Name);
            Assert.Equal(RevisionKind.Created, watch.ResponseStream.Current.Kind);
        }

        output.WriteLine($"slowest write-to-watcher delivery: {slowest.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Treaty_reports_29_ratifications_of_the_convention_from_postgres()
    {
        var treaty = new TreatyService.TreatyServiceClient(mesh.Channel("treaty"));
        var report = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest
        {
            AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 },
            Scope = ReportScope.CountedMembers,
        }, deadline: DateTime.UtcNow + Bound);
        var convention = report.Tallies.Single(t => t.Instrument.Id == "untoc");
        Assert.Equal(29, convention.ConsentedCount);
        Assert.Equal("Twenty-nine OAS member states had ratified or acceded to the Convention.", convention.Sentence);

        // The actions it counts are rows of the treaty database on the PostgreSQL server.
        Assert.True(await mesh.QueryAsync<long>("treatydb", "SELECT count(*) FROM \"TreatyActions\" WHERE \"InstrumentId\" = 'untoc'") >= 29);
    }

    /// <summary>The log records received once <paramref name="done"/> holds for them (or after the bound), and a moment for the last batches.</summary>
    private async Task<IReadOnlyList<ReceivedLog>> WaitForLogsAsync(Func<IReadOnlyList<ReceivedLog>, bool> done)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!done(mesh.Telemetry.Logs) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(done(mesh.Telemetry.Logs), "not every service process reported its database ready");
        await Task.Delay(TimeSpan.FromSeconds(2));
        return mesh.Telemetry.Logs;
    }

    /// <summary>The directory processes whose spans show the named call, once <paramref name="expected"/> calls are exported or the wait ends.</summary>
    private async Task<HashSet<string>> AnsweringInstancesAsync(string method, int expected, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var spans = mesh.Telemetry.Spans.Where(s => s.Service == "directory" && s.IsRoot && s.Name.Contains(method, StringComparison.Ordinal)).ToList();
            if (spans.Count >= expected || DateTime.UtcNow >= deadline)
            {
                return spans.Select(s => s.Instance).ToHashSet();
            }

            await Task.Delay(200);
        }
    }

    private static Contact PointOfContact(string state, string institution) => new()
    {
        StateCode = state,
        Role = ContactRole.NationalPointOfContact,
        Institution = institution,
        Office = "Office of Example Affairs",
        Person = "Ana Example",
        Title = "Director",
        Emails = { "ana.example@example.org" },
        Phones = { "+18695550100" },
        PostalAddress = "1 Example Street, Example City",
        Languages = { "en" },
        Channels = { ContactChannel.Email },
        ValidFrom = new ProtoDate { Year = 2009, Month = 1, Day = 1 },
        SourceDocument = "GT/DOT-II/doc.9/09",
    };

    [Fact]
    public async Task The_local_postgres_refuses_a_connection_without_the_password()
    {
        Assert.Contains("Password=", mesh.ServerConnectionString, StringComparison.OrdinalIgnoreCase);
        var withoutPassword = new Npgsql.NpgsqlConnectionStringBuilder(mesh.ServerConnectionString) { Password = null, Pooling = false, Passfile = "/dev/null" };
        var wrongPassword = new Npgsql.NpgsqlConnectionStringBuilder(mesh.ServerConnectionString) { Password = "not-the-password", Pooling = false };

        foreach (var connectionString in new[] { withoutPassword.ConnectionString, wrongPassword.ConnectionString })
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => connection.OpenAsync());
        }
    }
}
