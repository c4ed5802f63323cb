using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
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
