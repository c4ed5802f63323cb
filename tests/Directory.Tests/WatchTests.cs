using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public class WatchTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly DirectoryHost _host;

    public WatchTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected WatchTests(DatabaseProvider provider) =>
        _host = new DirectoryHost(provider: provider).WithDirectorySetting("WatchPollInterval", "00:00:00.200");

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    private DirectoryService.DirectoryServiceClient Secretariat => _host.Directory(TestKeys.Secretariat);

    [Fact]
    public async Task A_watcher_gets_every_change_once_in_order_as_it_happens()
    {
        using var cts = new CancellationTokenSource(Bound * 2);
        using var watch = _host.Directory(TestKeys.Partner).WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);

        var created = await Secretariat.CreateAsync(PointOfContact("PAN"));
        var updated = (await Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "Moved" },
            UpdateMask = Mask("office"),
        })).Contact;
        await Secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = updated.Etag });
        var other = await Secretariat.CreateAsync(PointOfContact("URY"));

        var changes = await TakeAsync(watch, 4, cts.Token);
        Assert.Equal([RevisionKind.Created, RevisionKind.Updated, RevisionKind.Retired, RevisionKind.Created], changes.Select(c => c.Kind));
        Assert.Equal([created.Name, created.Name, created.Name, other.Name], changes.Select(c => c.Contact.Name));
        Assert.Equal(changes.Select(c => c.Sequence).Order(), changes.Select(c => c.Sequence));
        Assert.Equal(4, changes.Select(c => c.Sequence).Distinct().Count());
        Assert.Equal(["office"], changes[1].ChangedFields);
        Assert.Equal(Person, changes[0].Contact.Person);
    }

    [Fact]
    public async Task A_watcher_resumes_after_the_last_change_it_received_without_loss_or_repeat()
    {
        var first = await Secretariat.CreateAsync(PointOfContact("SLV"));
        var second = await Secretariat.CreateAsync(PointOfContact("HND"));

        long resumeAfter;
        using (var cts = new CancellationTokenSource(Bound))
        using (var watch = _host.Directory().WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token))
        {
            var seen = await TakeAsync(watch, 1, cts.Token);
            Assert.Equal(first.Name, seen[0].Contact.Name);
            resumeAfter = seen[0].Sequence;
        }

        var third = await Secretariat.CreateAsync(PointOfContact("NIC"));
        using var again = new CancellationTokenSource(Bound);
        using var resumed = _host.Directory().WatchDirectory(new WatchDirectoryRequest { AfterSequence = resumeAfter }, cancellationToken: again.Token);
        var rest = await TakeAsync(resumed, 2, again.Token);

        Assert.Equal([second.Name, third.Name], rest.Select(c => c.Contact.Name));
        Assert.All(rest, c => Assert.Equal("", c.Contact.Person));
        Assert.All(rest, c => Assert.Empty(c.Contact.Emails));
    }

    [Fact]
    public async Task A_watcher_of_one_state_sees_only_that_states_changes()
    {
        using var cts = new CancellationTokenSource(Bound);
        using var watch = _host.Directory().WatchDirectory(new WatchDirectoryRequest { StateCode = "dom" }, cancellationToken: cts.Token);
        await Secretariat.CreateAsync(PointOfContact("TTO"));
        var dominican = await Secretariat.CreateAsync(PointOfContact("DOM"));

        var change = (await TakeAsync(watch, 1, cts.Token)).Single();
        Assert.Equal(dominican.Name, change.Contact.Name);
    }

    [Fact]
    public async Task A_watcher_sees_changes_another_replica_wrote_to_the_shared_database()
    {
        using var cts = new CancellationTokenSource(Bound);
        using var watch = _host.Directory().WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        await Secretariat.ListMemberStatesAsync(new ListMemberStatesRequest());

        using var otherReplica = new DirectoryHost(_host.DataFolder, _host.Provider);
        var written = await otherReplica.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("USA"));

        var change = (await TakeAsync(watch, 1, cts.Token)).Single();
        Assert.Equal(written.Name, change.Contact.Name);
    }

    [Fact]
    public async Task Watchers_are_bounded_and_a_cancelled_watch_frees_its_place()
    {
        using var host = new DirectoryHost(provider: _host.Provider).WithDirectorySetting("MaxWatchers", "1").WithDirectorySetting("WatchPollInterval", "00:00:00.100");
        var client = host.Directory();
        // A change in the log: a watch from the start delivers it at once, so an accepted watch shows itself.
        var recorded = await host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("BLZ"));

        var cts = new CancellationTokenSource(Bound);
        var first = client.WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        Assert.Equal(recorded.Name, (await TakeAsync(first, 1, cts.Token)).Single().Contact.Name);

        // The only place is taken: the same watch is refused.
        using (var refused = client.WatchDirectory(new WatchDirectoryRequest()))
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
            Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        }

        await cts.CancelAsync();
        first.Dispose();
        cts.Dispose();

        // The cancelled watcher's stream ends on the server and its place is given to the next one:
        // a new watch is refused until then, and accepted after (it delivers the recorded change).
        using var next = new CancellationTokenSource(Bound);
        while (true)
        {
            using var call = client.WatchDirectory(new WatchDirectoryRequest(), cancellationToken: next.Token);
            try
            {
                Assert.Equal(recorded.Name, (await TakeAsync(call, 1, next.Token)).Single().Contact.Name);
                break;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(50, next.Token);
            }
        }
    }

    [Fact]
    public async Task A_watch_outlives_the_servers_default_call_timeout()
    {
        using var host = (DirectoryHost)new DirectoryHost().WithSetting("Grpc:ServerTimeout", "00:00:00.500");
        using var cts = new CancellationTokenSource(Bound);
        using var watch = host.Directory().WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        await watch.ResponseHeadersAsync.WaitAsync(Bound);

        await Task.Delay(TimeSpan.FromSeconds(1.5), cts.Token);
        var written = await host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("ATG"));

        Assert.Equal(written.Name, (await TakeAsync(watch, 1, cts.Token)).Single().Contact.Name);
    }

    [Fact]
    public async Task A_negative_position_is_invalid()
    {
        var call = _host.Directory().WatchDirectory(new WatchDirectoryRequest { AfterSequence = -1 });
        await RpcAssert.InvalidArgumentAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), "after_sequence");
    }

    private static async Task<List<WatchDirectoryResponse>> TakeAsync(AsyncServerStreamingCall<WatchDirectoryResponse> call, int count, CancellationToken ct)
    {
        var changes = new List<WatchDirectoryResponse>();
        while (changes.Count < count && await call.ResponseStream.MoveNext(ct))
        {
            changes.Add(call.ResponseStream.Current);
        }

        Assert.Equal(count, changes.Count);
        return changes;
    }
}

public sealed class WatchTestsOnPostgres() : WatchTests(DatabaseProvider.Postgres);
