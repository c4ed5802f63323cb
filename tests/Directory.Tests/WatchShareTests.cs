using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>Anonymous watchers get a share of the watch places, each address a few: a partner can always watch.</summary>
public sealed class WatchShareTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Anonymous_watchers_cannot_take_every_place_and_a_partner_still_watches()
    {
        // Six places: anonymous callers may hold three together, each address two.
        using var host = new DirectoryHost().WithDirectorySetting("MaxWatchers", "6").WithDirectorySetting("MaxWatchersPerAddress", "2");
        var recorded = await host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("BLZ"));
        using var cts = new CancellationTokenSource(Bound);
        var calls = new List<IDisposable>();
        try
        {
            async Task<StatusCode> WatchAsync(DirectoryService.DirectoryServiceClient client)
            {
                var call = client.WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
                calls.Add(call);
                try
                {
                    Assert.True(await call.ResponseStream.MoveNext(cts.Token));
                    Assert.Equal(recorded.Name, call.ResponseStream.Current.Contact.Name);
                    return StatusCode.OK;
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            }

            DirectoryService.DirectoryServiceClient From(string address) => host.ClientFrom<DirectoryService.DirectoryServiceClient>(address);

            // One address: two places, not a third.
            Assert.Equal(StatusCode.OK, await WatchAsync(From("198.51.100.1")));
            Assert.Equal(StatusCode.OK, await WatchAsync(From("198.51.100.1")));
            Assert.Equal(StatusCode.ResourceExhausted, await WatchAsync(From("198.51.100.1")));

            // Another address takes the third anonymous place; then every anonymous caller is refused.
            Assert.Equal(StatusCode.OK, await WatchAsync(From("198.51.100.2")));
            Assert.Equal(StatusCode.ResourceExhausted, await WatchAsync(From("198.51.100.3")));

            // The partners' places are still there.
            Assert.Equal(StatusCode.OK, await WatchAsync(host.Directory(TestKeys.Partner)));
            Assert.Equal(StatusCode.OK, await WatchAsync(host.Directory(TestKeys.MexicoEditor)));
        }
        finally
        {
            await cts.CancelAsync();
            calls.ForEach(c => c.Dispose());
        }
    }
}
