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
        using var directory = new SilentServer();
        using var host = new TechCoopHost(directoryDown: true);
        host.WithSetting("services:directory:http:0", directory.Address).WithSetting("Grpc:ServerTimeout", "00:00:01");
        var client = host.TechCoop();
        await WarmUpAsync(client);

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => client.RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "MEX" }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(20)));
        clock.Stop();

        // Without the server's timeout the call would wait on the Directory for its 5 s client deadline, then answer from no register.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the call took {clock.Elapsed}");
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("time bound", e.Status.Detail);
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
