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
        using var directory = new SilentServer();
        using var host = new TechCoopHost(directoryDown: true);
        host.WithSetting($"services:{MeshResources.Directory}:http:0", directory.Address).WithSetting("Grpc:ServerTimeout", serverTimeout.ToString());
        var client = host.TechCoop();
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
