using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Request ids as AIP-155 scopes them: to the caller and the method. Mexico's and Peru's editors may
/// both send <c>n1</c>; each gets, and keeps, its own law.
/// </summary>
public class RequestIdTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static RecordLegislationRequest Law(string state, string title, string requestId) => new()
    {
        RequestId = requestId,
        Legislation = new Legislation
        {
            StateCode = state,
            Title = title,
            Kind = LegislationKind.Law,
            Status = LegislationStatus.Enacted,
            EnactedOn = new Google.Type.Date { Year = 2011, Month = 4 },
            Topics = { "firearms" },
        },
    };

    [Fact]
    public async Task Two_editors_sending_the_same_request_id_each_get_their_own_law_and_a_retry_the_first()
    {
        using var host = new TreatyHost(provider: Provider);
        var mexico = host.Treaty(TestKeys.MexicoEditor);
        var peru = host.Treaty(TestKeys.PeruEditor);

        var mexicos = (await mexico.RecordLegislationAsync(Law("MEX", "Ley de armas", "n1"))).Legislation;
        var perus = (await peru.RecordLegislationAsync(Law("PER", "Ley de armas de fuego", "n1"))).Legislation;
        var retried = (await mexico.RecordLegislationAsync(Law("MEX", "Ley de armas", "n1"))).Legislation;

        Assert.Equal(("MEX", "PER"), (mexicos.StateCode, perus.StateCode));
        Assert.NotEqual(mexicos.Name, perus.Name);
        Assert.Equal(mexicos, retried);
        foreach (var (state, law) in new[] { ("MEX", mexicos), ("PER", perus) })
        {
            var stored = (await host.Treaty().ListLegislationAsync(new ListLegislationRequest { StateCode = state, Topic = "firearms" })).Legislation;
            Assert.Contains(stored, l => l.Name == law.Name);
        }

        // The same id with another law is not a retry: refused, and nothing is written.
        await RpcAssert.InvalidArgumentAsync(() => mexico.RecordLegislationAsync(Law("MEX", "Otra ley", "n1")).ResponseAsync, "request_id");
        Assert.DoesNotContain((await host.Treaty().ListLegislationAsync(new ListLegislationRequest { StateCode = "MEX", PageSize = 100 })).Legislation, l => l.Title == "Otra ley");

        // Another method is another scope: a statement under n1 is recorded.
        var statement = (await mexico.RecordStatusStatementAsync(new RecordStatusStatementRequest
        {
            RequestId = "n1",
            Statement = new StatusStatement { StateCode = "MEX", Text = "A statement", MadeOn = new Google.Type.Date { Year = 2012, Month = 1, Day = 5 } },
        })).Statement;
        Assert.Equal("MEX", statement.StateCode);
    }

    [Fact]
    public async Task A_retry_after_a_restart_returns_the_first_law()
    {
        string folder;
        Legislation first;
        using (var host = new TreatyHost(provider: Provider))
        {
            folder = host.DataFolder;
            first = (await host.Treaty(TestKeys.PeruEditor).RecordLegislationAsync(Law("PER", "Ley de control", "restart-1"))).Legislation;
        }

        using var restarted = new TreatyHost(dataFolder: folder, provider: Provider);
        var retried = (await restarted.Treaty(TestKeys.PeruEditor).RecordLegislationAsync(Law("PER", "Ley de control", "restart-1"))).Legislation;
        Assert.Equal(first.Name, retried.Name);
        Assert.Single((await restarted.Treaty().ListLegislationAsync(new ListLegislationRequest { StateCode = "PER", PageSize = 100 })).Legislation, l => l.Title == "Ley de control");
        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => restarted.Treaty(TestKeys.PeruEditor).RecordLegislationAsync(Law("PER", "Ley distinta", "restart-1")).ResponseAsync);
    }
}

public sealed class RequestIdTestsOnPostgres : RequestIdTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
