using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

/// <summary>What every service's pipeline does, checked on the Directory: quotas and error hygiene.</summary>
public sealed class ServicePipelineTests
{
    [Fact]
    public async Task Calls_over_the_anonymous_quota_are_resource_exhausted_with_retry_information()
    {
        // A bucket of 5 calls, refilled by one every 200 ms (5 a second).
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "5").WithSetting("RateLimits:BurstFactor", "1");
        var directory = host.Directory();

        // Bursts of 30 calls sent at once, until one is refused (however slow the machine, a burst
        // outpaces one call per 100 ms); and never more admitted than the bucket held and was refilled with.
        var clock = Stopwatch.StartNew();
        var (admitted, refused) = await BurstsUntilRefusedAsync(directory, 30);
        var refills = (int)Math.Ceiling(clock.Elapsed / TimeSpan.FromMilliseconds(100));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus()?.GetDetail<RetryInfo>());
        Assert.Equal("RATE_LIMITED", refused.ErrorInfo()?.Reason);
        Assert.InRange(admitted, 1, 5 + refills);
    }

    [Fact]
    public async Task A_known_partner_is_limited_by_its_agency_quota_not_the_anonymous_one()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "1");

        // Bursts that run anonymous callers out of their quota; the same burst right after, from a
        // partner, is answered in full.
        await BurstsUntilRefusedAsync(host.Directory(), 20);
        var partner = await BurstAsync(host.Directory(TestKeys.Partner), 20);
        Assert.All(partner, Assert.Null);
    }

    [Fact]
    public async Task Errors_carry_error_info_with_the_service_domain()
    {
        using var host = new DirectoryHost();
        var e = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => host.Directory().GetMemberStateAsync(new GetMemberStateRequest { Code = "ZZZ" }).ResponseAsync);
        Assert.Equal("directory.tocmesh", e.ErrorInfo()?.Domain);
        Assert.Equal("NOT_FOUND", e.ErrorInfo()?.Reason);
    }

    /// <summary>Bursts of <paramref name="size"/> calls until one is refused: how many were answered before, and the refusal.</summary>
    private static async Task<(int Admitted, RpcException Refused)> BurstsUntilRefusedAsync(DirectoryService.DirectoryServiceClient directory, int size)
    {
        var admitted = 0;
        for (var burst = 0; burst < 20; burst++)
        {
            var outcomes = await BurstAsync(directory, size);
            admitted += outcomes.Count(o => o is null);
            if (outcomes.FirstOrDefault(o => o is not null) is { } refused)
            {
                return (admitted, refused);
            }
        }

        throw new Xunit.Sdk.XunitException($"{20 * size} calls in bursts of {size}, none refused");
    }

    /// <summary><paramref name="size"/> calls sent at once: null for each answered call, else its failure.</summary>
    private static Task<RpcException?[]> BurstAsync(DirectoryService.DirectoryServiceClient directory, int size) =>
        Task.WhenAll(Enumerable.Range(0, size).Select(async _ =>
        {
            try
            {
                await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
                return (RpcException?)null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }));
}
