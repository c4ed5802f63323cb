using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// Request ids as AIP-155 scopes them: to the caller and the method. Two state editors may both send
/// <c>n1</c>; each gets, and keeps, its own need.
/// </summary>
public class RequestIdTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Two_editors_sending_the_same_request_id_each_get_their_own_need_and_a_retry_the_first()
    {
        using var host = new TechCoopHost(provider: Provider);
        var mexico = host.TechCoop(TestKeys.MexicoEditor);
        var peru = host.TechCoop(TestKeys.PeruEditor);
        var mexicoRequest = new RecordNeedRequest { Need = Examples.Need("MEX", "request-ids"), RequestId = "n1" };
        var peruRequest = new RecordNeedRequest { Need = Examples.Need("PER", "request-ids"), RequestId = "n1" };

        var mexicos = (await mexico.RecordNeedAsync(mexicoRequest)).Need;
        var perus = (await peru.RecordNeedAsync(peruRequest)).Need;
        var retried = (await mexico.RecordNeedAsync(mexicoRequest)).Need;

        Assert.Equal(("MEX", "PER"), (mexicos.StateCode, perus.StateCode));
        Assert.NotEqual(mexicos.Name, perus.Name);
        Assert.Equal(mexicos, retried);
        var stored = (await host.TechCoop().ListNeedsAsync(new ListNeedsRequest { Area = "request-ids" })).Needs;
        Assert.Equal([mexicos.Name, perus.Name], stored.Select(n => n.Name).Order(StringComparer.Ordinal));

        // The same id with another need is not a retry: refused, and nothing is written.
        var other = new RecordNeedRequest { Need = Examples.Need("MEX", "request-ids", NeedPriority.Low), RequestId = "n1" };
        await RpcAssert.InvalidArgumentAsync(() => mexico.RecordNeedAsync(other).ResponseAsync, "request_id");
        Assert.Equal(2, (await host.TechCoop().ListNeedsAsync(new ListNeedsRequest { Area = "request-ids" })).TotalSize);

        // The same id for another method is another request.
        var course = (await host.TechCoop(TestKeys.Secretariat).CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Request ids", ["request-ids"]), RequestId = "n1" })).Course;
        Assert.StartsWith("courses/", course.Name);
    }

    [Fact]
    public async Task A_retry_after_a_restart_returns_the_first_need()
    {
        string folder;
        Need first;
        var request = new RecordNeedRequest { Need = Examples.Need("MEX", "request-ids-restart"), RequestId = "restart-1" };
        using (var host = new TechCoopHost(provider: Provider))
        {
            folder = host.DataFolder;
            first = (await host.TechCoop(TestKeys.MexicoEditor).RecordNeedAsync(request)).Need;
        }

        using var restarted = new TechCoopHost(dataFolder: folder, provider: Provider);
        var retried = (await restarted.TechCoop(TestKeys.MexicoEditor).RecordNeedAsync(request)).Need;
        Assert.Equal(first.Name, retried.Name);
        Assert.Equal(1, (await restarted.TechCoop().ListNeedsAsync(new ListNeedsRequest { Area = "request-ids-restart" })).TotalSize);
        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => restarted.TechCoop(TestKeys.MexicoEditor).RecordNeedAsync(
            new RecordNeedRequest { Need = Examples.Need("MEX", "request-ids-other"), RequestId = "restart-1" }).ResponseAsync);
    }
}

public sealed class RequestIdTestsOnPostgres : RequestIdTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
