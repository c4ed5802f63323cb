using System.Diagnostics;
using Grpc.Core;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using Xunit.Abstractions;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Two replicas of the Directory: two hosts on one database and one real Redis, as the AppHost
/// runs them with <c>Replicas:directory=2</c>. Nothing is shared between them in memory.
/// </summary>
public class ReplicaTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly DatabaseProvider _provider;

    public ReplicaTests(ITestOutputHelper output)
        : this(output, DatabaseProvider.Sqlite)
    {
    }

    protected ReplicaTests(ITestOutputHelper output, DatabaseProvider provider)
    {
        _output = output;
        _provider = provider;
    }

    // Far longer than any test here lasts: a change a watcher delivers came by a wake-up, never by its poll.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private RedisServer _redis = null!;
    private DirectoryHost _a = null!;
    private DirectoryHost _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _a = Replica(null);
        await _a.Directory().ListMemberStatesAsync(new ListMemberStatesRequest()); // migrated and seeded before B starts
        _b = Replica(_a.DataFolder);
        await _b.Directory().ListMemberStatesAsync(new ListMemberStatesRequest());
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _redis.DisposeAsync();
    }

    // The one place that says how a replica is made: a host on the shared database and Redis.
    private DirectoryHost Replica(string? sharedDataFolder) =>
        (DirectoryHost)new DirectoryHost(sharedDataFolder, _provider)
            .WithDirectorySetting("WatchPollInterval", PollInterval.ToString("c"))
            .WithRedis(_redis.ConnectionString);

    [Fact]
    public async Task A_write_on_one_replica_is_read_at_once_on_the_other_through_its_cache()
    {
        var onA = _a.Directory(TestKeys.Secretariat);
        var onB = _b.Directory(TestKeys.Secretariat);
        var created = await onA.CreateAsync(PointOfContact("KNA"));

        // B caches the contact, the state's list and the whole directory.
        Assert.Equal("Office of Example Affairs", (await onB.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
        Assert.Single((await onB.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts);
        Assert.Single((await onB.GetDirectoryAsync(new GetDirectoryRequest())).Contacts);

        var etag = created.Etag;
        for (var round = 1; round <= 5; round++)
        {
            var office = $"Office, change {round}";
            var clock = Stopwatch.StartNew();
            etag = (await onA.UpdateContactAsync(new UpdateContactRequest
            {
                Contact = new Contact { Name = created.Name, Etag = etag, Office = office },
                UpdateMask = Mask("office"),
            })).Contact.Etag;
            _output.WriteLine($"update on A, confirmed by B: {clock.Elapsed.TotalMilliseconds:F1} ms");

            Assert.Equal(office, (await onB.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
            Assert.Equal(office, (await onB.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts.Single().Office);
            Assert.Equal(office, (await onB.GetDirectoryAsync(new GetDirectoryRequest())).Contacts.Single().Office);
        }

        // And the other way round, for a new contact in a list B wrote and A cached.
        Assert.Single((await onA.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts);
        await onB.CreateAsync(PointOfContact("KNA", ContactRole.Courses));
        Assert.Equal(2, (await onA.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts.Count);
    }

    [Fact]
    public async Task Retries_of_one_create_sent_to_both_replicas_at_once_record_one_contact()
    {
        var clients = new[] { _a.Directory(TestKeys.Secretariat), _b.Directory(TestKeys.Secretariat) };
        for (var round = 0; round < 5; round++)
        {
            var requestId = Guid.NewGuid().ToString();
            var calls = Enumerable.Range(0, 8).Select(i =>
                clients[i % 2].CreateAsync(PointOfContact("BRB", ContactRole.Courses, institution: $"Ministry {round}"), requestId)).ToList();
            var answers = await Task.WhenAll(calls).WaitAsync(Bound);

            Assert.Single(answers.Select(c => c.Name).Distinct());
        }

        var recorded = await clients[1].AllOfStateAsync("BRB");
        Assert.Equal(5, recorded.Count);
        Assert.Equal(5, recorded.Select(c => c.Institution).Distinct().Count());
    }

    [Fact]
    public async Task A_watcher_on_one_replica_gets_the_writes_of_both_once_in_order_promptly()
    {
        using var cts = new CancellationTokenSource(Bound);
        using var watch = _b.Directory(TestKeys.Partner).WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        await watch.ResponseHeadersAsync.WaitAsync(Bound);

        // Each change is delivered before the next write, and the watch is cancelled long before its
        // first poll: a change written on A reached B's watcher by the wake-up over Redis.
        var writers = new[] { _a.Directory(TestKeys.Secretariat), _b.Directory(TestKeys.Secretariat) };
        for (var i = 0; i < 6; i++)
        {
            // Mostly on A, the replica the watcher is not on.
            var writer = writers[i % 3 == 2 ? 1 : 0];
            var clock = Stopwatch.StartNew();
            var contact = await writer.CreateAsync(PointOfContact("GRD", ContactRole.Courses, institution: $"Ministry {i}"));

            Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
            var change = watch.ResponseStream.Current;
            _output.WriteLine($"write on {(writer == writers[0] ? "A" : "B")}, delivered on B: {clock.Elapsed.TotalMilliseconds:F1} ms");
            Assert.Equal(contact.Name, change.Contact.Name);
            Assert.Equal(RevisionKind.Created, change.Kind);
        }

        // Concurrent writes on both replicas: each arrives once, in sequence order.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            writers[i % 2].CreateAsync(PointOfContact("GRD", ContactRole.MlaCentralAuthority, institution: $"Concurrent {i}")))).WaitAsync(Bound);
        var changes = new List<WatchDirectoryResponse>();
        while (changes.Count < concurrent.Length && await watch.ResponseStream.MoveNext(cts.Token))
        {
            changes.Add(watch.ResponseStream.Current);
        }

        Assert.Equal(concurrent.Select(c => c.Name).Order(), changes.Select(c => c.Contact.Name).Order());
        Assert.Equal(changes.Select(c => c.Sequence).Order(), changes.Select(c => c.Sequence));
        Assert.Equal(changes.Count, changes.Select(c => c.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Of_two_updates_with_the_same_etag_on_different_replicas_exactly_one_wins()
    {
        var onA = _a.Directory(TestKeys.Secretariat);
        var onB = _b.Directory(TestKeys.Secretariat);
        var contact = await onA.CreateAsync(PointOfContact("LCA"));
        for (var round = 0; round < 5; round++)
        {
            // Both replicas have read the same revision.
            var etag = (await onB.GetContactAsync(new GetContactRequest { Name = contact.Name })).Contact.Etag;
            Assert.Equal(etag, (await onA.GetContactAsync(new GetContactRequest { Name = contact.Name })).Contact.Etag);

            var outcomes = await Task.WhenAll(new[] { onA, onB }.Select(async (client, i) =>
            {
                try
                {
                    await client.UpdateContactAsync(new UpdateContactRequest
                    {
                        Contact = new Contact { Name = contact.Name, Etag = etag, Office = $"Round {round}, replica {i}" },
                        UpdateMask = Mask("office"),
                    });
                    return StatusCode.OK;
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            })).WaitAsync(Bound);

            Assert.Equal([StatusCode.OK, StatusCode.Aborted], outcomes.Order());
        }

        var history = await onB.GetContactHistoryAsync(new GetContactHistoryRequest { Name = contact.Name });
        Assert.Equal(6, history.Revisions.Count);
    }

    [Fact]
    public async Task A_replica_that_lost_redis_and_got_it_back_does_not_serve_what_it_cached_before()
    {
        var onA = _a.Directory(TestKeys.Secretariat);
        var onB = _b.Directory(TestKeys.Secretariat);
        var created = await onA.CreateAsync(PointOfContact("VCT"));
        var cachedOnB = Stopwatch.StartNew();
        Assert.Equal("Office of Example Affairs", (await onB.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);

        // While Redis is gone, A's write cannot reach B.
        _redis.Kill();
        await onA.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "Changed during the outage" },
            UpdateMask = Mask("office"),
        });

        await _redis.RestartAsync();
        var restarted = Stopwatch.StartNew();

        // Left alone, B would serve its entry until it expires; fresh before that, B dropped it on reconnecting.
        var fresh = await FreshOnBeforeExpiryAsync(onB, created.Name, "Changed during the outage", cachedOnB);
        _output.WriteLine($"fresh on B {restarted.Elapsed.TotalMilliseconds:F0} ms after Redis was restarted");
        Assert.True(fresh, $"B served its stale entry until it expired ({EntryLifetime.TotalSeconds:F0} s after it was cached)");
    }

    /// <summary>How long a replica keeps a contact it read in its own memory, when nothing removes it.</summary>
    internal static TimeSpan EntryLifetime => DirectoryCacheTags.Entry.LocalCacheExpiration!.Value;

    /// <summary>
    /// Reads the contact on <paramref name="replica"/> until it shows <paramref name="office"/>, for as
    /// long as an entry cached when <paramref name="cached"/> started could live: true when the read
    /// was fresh before that entry would have expired by itself.
    /// </summary>
    internal static async Task<bool> FreshOnBeforeExpiryAsync(DirectoryService.DirectoryServiceClient replica, string name, string office, Stopwatch cached)
    {
        while (cached.Elapsed < EntryLifetime)
        {
            var read = (await replica.GetContactAsync(new GetContactRequest { Name = name })).Contact.Office;
            if (read == office)
            {
                return cached.Elapsed < EntryLifetime;
            }

            await Task.Delay(100);
        }

        return false;
    }
}

/// <summary>The same two replicas on one PostgreSQL database, as several machines would run them.</summary>
public sealed class ReplicaTestsOnPostgres(ITestOutputHelper output) : ReplicaTests(output, DatabaseProvider.Postgres);
