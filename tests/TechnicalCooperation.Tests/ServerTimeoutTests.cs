using System.Diagnostics;
using Grpc.Core;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>A caller that sets no deadline still gets an answer within the server's own timeout.</summary>
public sealed class ServerTimeoutTests
{
    [Fact]
    public async Task A_call_without_a_deadline_stuck_on_a_hung_directory_ends_at_the_servers_timeout()
    {
        var serverTimeout = TimeSpan.FromSeconds(1);
        using var hung = new WithHungDirectory(serverTimeout);
        var client = hung.Client;
        await WarmUpAsync(client);

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => client.RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "MEX" }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60)));
        clock.Stop();

        // Only the server's own bound answers "time bound". Without it, the register's call to the hung
        // Directory would end at that client's deadline (3 s), the state would be accepted unverified,
        // and the call would succeed.
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("time bound", e.Status.Detail);
        Assert.True(clock.Elapsed >= serverTimeout, $"the call ended after {clock.Elapsed}, before the server's bound of {serverTimeout}");
    }

    [Fact]
    public async Task Bounds_reused_from_call_to_call_still_end_a_hung_call_and_cancel_no_other()
    {
        var serverTimeout = TimeSpan.FromSeconds(2);
        using var hung = new WithHungDirectory(serverTimeout);
        var client = hung.Client;
        await WarmUpAsync(client);

        // Many quick calls, so that their bounds go back to the pool and are handed out again.
        await QuickCallsAsync(client);

        // A call the caller gives up on: its bound is cancelled through the connection's token (and so not
        // reused). In process the server's answer to the abort can reach the client before its own cancellation.
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            var abandoned = Stopwatch.StartNew();
            var cancelled = await Assert.ThrowsAsync<RpcException>(() => client.RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "MEX" }, cancellationToken: giveUp.Token).ResponseAsync);
            Assert.Contains(cancelled.StatusCode, new[] { StatusCode.Cancelled, StatusCode.DeadlineExceeded });
            Assert.True(abandoned.Elapsed < serverTimeout, $"the abandoned call ended after {abandoned.Elapsed}");
        }

        // A hung call still ends at its bound, on a reused source.
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => client.RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "MEX" }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(clock.Elapsed >= serverTimeout, $"the call ended after {clock.Elapsed}, before the server's bound of {serverTimeout}");

        // And no later call is cancelled by a bound that served another.
        await QuickCallsAsync(client);
        await Task.Delay(serverTimeout);
        await QuickCallsAsync(client);
    }

    private static async Task QuickCallsAsync(TechnicalCooperationService.TechnicalCooperationServiceClient client)
    {
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync));
        }
    }

    /// <summary>TechnicalCooperation bounded at <c>serverTimeout</c>, its Directory a server that never answers.</summary>
    private sealed class WithHungDirectory : IDisposable
    {
        private readonly SilentServer _directory = new();
        private readonly TechCoopHost _host = new(directoryDown: true);

        public WithHungDirectory(TimeSpan serverTimeout)
        {
            _host.WithSetting($"services:{MeshResources.Directory}:http:0", _directory.Address).WithSetting("Grpc:ServerTimeout", serverTimeout.ToString());
            Client = _host.TechCoop();
        }

        public TechnicalCooperationService.TechnicalCooperationServiceClient Client { get; }

        public void Dispose()
        {
            _host.Dispose();
            _directory.Dispose();
        }
    }

    // The first calls of a cold server (JIT) may themselves pass a short bound on a busy machine.
    private static async Task WarmUpAsync(TechnicalCooperationService.TechnicalCooperationServiceClient client)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.ListCoursesAsync(new ListCoursesRequest());
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded && attempt < 5)
            {
            }
        }
    }
}
