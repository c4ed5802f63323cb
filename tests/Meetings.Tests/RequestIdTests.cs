using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>Request ids of document registrations: per caller and method, kept across a restart.</summary>
public class RequestIdTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static RegisterDocumentRequest Register(string symbol, string title, string requestId) => new()
    {
        Document = new Document { Symbol = new DocumentSymbol { Normalized = symbol }, Title = title, MeetingId = "gtdot-ii" },
        RequestId = requestId,
    };

    [Fact]
    public async Task A_retry_after_a_restart_returns_the_first_registration_and_another_request_under_its_id_is_refused()
    {
        string folder;
        Document first;
        using (var host = new MeetingsHost(provider: Provider))
        {
            folder = host.DataFolder;
            first = (await host.Meetings(TestKeys.Secretariat).RegisterDocumentAsync(Register("GT/DOT-II/doc.21/09", "Draft agenda", "n1"))).Document;

            // Another caller's use of the id is its own request: refused for its role, never answered with this document.
            await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.Meetings(TestKeys.MexicoEditor).RegisterDocumentAsync(Register("GT/DOT-II/doc.21/09", "Draft agenda", "n1")).ResponseAsync);
        }

        using var restarted = new MeetingsHost(dataFolder: folder, provider: Provider);
        var secretariat = restarted.Meetings(TestKeys.Secretariat);
        var retried = (await secretariat.RegisterDocumentAsync(Register("gt/dot-ii/doc.21/09", "Draft agenda", "n1"))).Document;
        Assert.Equal((first.Symbol.Normalized, first.Etag), (retried.Symbol.Normalized, retried.Etag));

        await RpcAssert.InvalidArgumentAsync(() => secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.22/09", "Other", "n1")).ResponseAsync, "request_id");
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => restarted.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.22/09" }).ResponseAsync);
    }
}

public sealed class RequestIdTestsOnPostgres : RequestIdTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
