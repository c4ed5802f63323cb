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
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "5").WithSetting("RateLimits:BurstFactor", "1");
        var directory = host.Directory();

        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
                Assert.NotNull(e.GetRpcStatus()?.GetDetail<RetryInfo>());
                Assert.Equal("RATE_LIMITED", e.ErrorInfo()?.Reason);
            }
        }

        Assert.Contains(StatusCode.OK, outcomes);
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
    }

    [Fact]
    public async Task A_known_partner_is_limited_by_its_agency_quota_not_the_anonymous_one()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "1");
        var partner = host.Directory(TestKeys.Partner);

        for (var i = 0; i < 20; i++)
        {
            await partner.GetMemberStateAsync(new GetMemberStateRequest { Code = "PER" });
        }
    }

    [Fact]
    public async Task Errors_carry_error_info_with_the_service_domain()
    {
        using var host = new DirectoryHost();
        var e = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => host.Directory().GetMemberStateAsync(new GetMemberStateRequest { Code = "ZZZ" }).ResponseAsync);
        Assert.Equal("directory.tocmesh", e.ErrorInfo()?.Domain);
        Assert.Equal("NOT_FOUND", e.ErrorInfo()?.Reason);
    }
}
