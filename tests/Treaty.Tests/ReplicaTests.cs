using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Two replicas of Treaty: two hosts on one database and one real Redis (and one Directory), as
/// the AppHost runs them with <c>Replicas:treaty=2</c>. Nothing is shared between them in memory.
/// </summary>
public class ReplicaTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ReplicaTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected ReplicaTests(DatabaseProvider provider) => _provider = provider;

    private RedisServer _redis = null!;
    private TreatyHost _a = null!;
    private TreatyHost _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _a = Replica(null, null);
        await _a.Treaty().ListInstrumentsAsync(new ListInstrumentsRequest()); // migrated and imported before B starts
        _b = Replica(_a.Directory, _a.DataFolder);
        await _b.Treaty().ListInstrumentsAsync(new ListInstrumentsRequest());
    }

    public async Task DisposeAsync()
    {
        _b.Dispose();
        _a.Dispose();
        await _redis.DisposeAsync();
    }

    // The one place that says how a replica is made: a host on the shared database and Redis.
    private TreatyHost Replica(DirectoryDependency? directory, string? sharedDataFolder)
    {
        var host = new TreatyHost(directory, sharedDataFolder, _provider);
        host.WithRedis(_redis.ConnectionString);
        return host;
    }

    // The Dominican Republic: no CIFTA row and on no published list, so its accession changes the count.
    private static RecordTreatyActionRequest DominicanRepublicAccedesToCifta(string requestId = "") =>
        new() { RequestId = requestId, StateCode = "DOM", InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(1998, 6, 1) };

    [Fact]
    public async Task A_write_on_one_replica_is_read_at_once_on_the_other_through_its_cache()
    {
        var onA = _a.Treaty(TestKeys.Secretariat);
        var onB = _b.Treaty(TestKeys.Secretariat);
        var report = new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } };
        var status = new GetStateStatusRequest { StateCode = "DOM", AsOf = D.Meeting };

        // B caches the report, the state's status and the snapshot they are computed from.
        Assert.Equal(21, (await onB.GetRatificationReportAsync(report)).Tallies[0].ConsentedCount);
        var stateBefore = (await onB.GetStateStatusAsync(status)).ToString();

        var action = (await onA.RecordTreatyActionAsync(DominicanRepublicAccedesToCifta())).TreatyAction;

        Assert.Equal(22, (await onB.GetRatificationReportAsync(report)).Tallies[0].ConsentedCount);
        Assert.NotEqual(stateBefore, (await onB.GetStateStatusAsync(status)).ToString());

        // A correction on B is read at once on A, which cached the action.
        Assert.Equal("", (await onA.GetTreatyActionAsync(new GetTreatyActionRequest { Name = action.Name })).TreatyAction.Note);
        await onB.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = action.Name, Note = "Deposit confirmed by the depositary" },
            UpdateMask = new FieldMask { Paths = { "note" } },
            Reason = "Checked against the depositary's record",
            Etag = action.Etag,
        });
        Assert.Equal("Deposit confirmed by the depositary", (await onA.GetTreatyActionAsync(new GetTreatyActionRequest { Name = action.Name })).TreatyAction.Note);
    }

    [Fact]
    public async Task A_replica_that_starts_stopping_leaves_the_bus_at_once_so_that_writes_stop_waiting_for_it()
    {
        // A write waits for every subscriber Redis counts; a replica draining after SIGTERM (a
        // scale-down) must not be one of them. C drains until the test lets it go (a hosted service
        // that holds the stop, as in-flight calls do), so its Redis connection lives on meanwhile.
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var c = (TreatyHost)Replica(_a.Directory, _a.DataFolder).WithServices(s => s.AddHostedService(_ => new Draining(drained.Task)));
        await c.Treaty().ListInstrumentsAsync(new ListInstrumentsRequest());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        async Task<long> Subscribers() =>
            (long)((RedisResult[])(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", "tocmesh:treaty:invalidate"))!)[1];
        async Task<bool> Reaches(long expected, TimeSpan bound)
        {
            var deadline = DateTime.UtcNow + bound;
            while (await Subscribers() != expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            return await Subscribers() == expected;
        }

        try
        {
            Assert.True(await Reaches(3, Waits.Hang), $"{await Subscribers()} replicas subscribed, not 3");
            var cRedis = c.Services.GetRequiredService<IConnectionMultiplexer>();
            var stopping = Task.Run(() => c.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
            Assert.True(await Reaches(2, TimeSpan.FromSeconds(10)), $"{await Subscribers()} replicas still subscribed after C began stopping");
            Assert.True(cRedis.IsConnected, "C's Redis connection closed: the test no longer holds the drain");
            await stopping;

            // A's writes and reads go on, read at once on B.
            await _a.Treaty(TestKeys.Secretariat).RecordTreatyActionAsync(DominicanRepublicAccedesToCifta());
            var report = await _b.Treaty().GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } });
            Assert.Equal(22, report.Tallies[0].ConsentedCount);
        }
        finally
        {
            drained.TrySetResult();
        }
    }

    /// <summary>Holds the host's stop until released: a replica still draining its calls.</summary>
    private sealed class Draining(Task released) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => released.WaitAsync(cancellationToken);
    }

    [Fact]
    public async Task Retries_of_one_action_sent_to_both_replicas_at_once_record_it_once()
    {
        var clients = new[] { _a.Treaty(TestKeys.Secretariat), _b.Treaty(TestKeys.Secretariat) };
        var requestId = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clients[i % 2].RecordTreatyActionAsync(DominicanRepublicAccedesToCifta(requestId)).ResponseAsync)).WaitAsync(Waits.Hang);

        Assert.Single(answers.Select(a => a.TreatyAction.Name).Distinct());
        var recorded = await clients[1].ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "DOM", InstrumentId = "cifta" });
        Assert.Single(recorded.TreatyActions);
    }

    [Fact]
    public async Task Of_two_corrections_with_the_same_etag_on_different_replicas_exactly_one_wins()
    {
        var onA = _a.Treaty(TestKeys.Secretariat);
        var onB = _b.Treaty(TestKeys.Secretariat);
        var action = (await onA.RecordTreatyActionAsync(DominicanRepublicAccedesToCifta())).TreatyAction;
        for (var round = 0; round < 5; round++)
        {
            var etag = (await onB.GetTreatyActionAsync(new GetTreatyActionRequest { Name = action.Name })).TreatyAction.Etag;
            Assert.Equal(etag, (await onA.GetTreatyActionAsync(new GetTreatyActionRequest { Name = action.Name })).TreatyAction.Etag);

            var outcomes = await Task.WhenAll(new[] { onA, onB }.Select(async (client, i) =>
            {
                try
                {
                    await client.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
                    {
                        TreatyAction = new TreatyAction { Name = action.Name, Note = $"Round {round}, replica {i}" },
                        UpdateMask = new FieldMask { Paths = { "note" } },
                        Reason = "Concurrent correction",
                        Etag = etag,
                    });
                    return StatusCode.OK;
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            })).WaitAsync(Waits.Hang);

            Assert.Equal([StatusCode.OK, StatusCode.Aborted], outcomes.Order());
        }
    }
}

/// <summary>The same two replicas on one PostgreSQL database, as several machines would run them.</summary>
public sealed class ReplicaTestsOnPostgres() : ReplicaTests(DatabaseProvider.Postgres);
