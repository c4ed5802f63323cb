using System.Diagnostics;
using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>
/// A "not found" is kept briefly (<c>Caching:NegativeExpiration</c>), not as long as a record: two
/// replicas on one database and no Redis, so a write on one does not remove the other's cached answer.
/// </summary>
public sealed class NegativeCacheTests
{
    [Fact]
    public async Task A_document_not_found_on_one_replica_is_found_there_soon_after_another_registers_it()
    {
        const string symbol = "GT/DOT-II/doc.77/09";
        using var a = new MeetingsHost();
        a.WithSetting("Caching:NegativeExpiration", "00:00:01");
        await a.Meetings().ListMeetingsAsync(new ListMeetingsRequest()); // migrated and seeded before B starts
        using var b = new MeetingsHost(a.Directory, a.DataFolder);
        b.WithSetting("Caching:NegativeExpiration", "00:00:01");

        var missing = await Assert.ThrowsAsync<RpcException>(() => b.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = symbol }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        await a.Meetings(TestKeys.Secretariat).RegisterDocumentAsync(new RegisterDocumentRequest
        {
            Document = new Document { Symbol = new DocumentSymbol { Normalized = symbol }, Title = "Status of signatures", MeetingId = "gtdot-ii" },
            RequestId = Guid.NewGuid().ToString(),
        });

        // B's own cache kept the "not found"; it must be gone long before a found record's two minutes.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var found = await b.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = symbol });
                Assert.Equal("Status of signatures", found.Document.Title);
                break;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }
        }
    }
}
