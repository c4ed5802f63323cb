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

    [Fact]
    public async Task Callers_from_a_thousand_addresses_each_get_a_quota_but_no_timer_of_their_own()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "5").WithSetting("RateLimits:BurstFactor", "1");
        await host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.1").GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });

        // One quota (a token bucket) per address; the buckets are refilled from one heartbeat. A bucket
        // that refilled itself would hold a timer of its own: a thousand more timers in the process.
        var timers = Timer.ActiveCount;
        for (var i = 0; i < 1000; i++)
        {
            await host.ClientFrom<DirectoryService.DirectoryServiceClient>($"10.1.{i / 250}.{i % 250 + 1}").GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
        }

        Assert.True(Timer.ActiveCount - timers < 200, $"{Timer.ActiveCount - timers} more timers after a thousand callers");

        // And each address still has its own quota, refilled: one address runs out, the next does not.
        var (admitted, refused) = await BurstsUntilRefusedAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>("10.1.0.1"), 30);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.InRange(admitted, 0, 30);
        await host.ClientFrom<DirectoryService.DirectoryServiceClient>("10.1.0.2").GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
    }

    [Theory]
    [InlineData("tocmesh.directory.v1.DirectoryService", "GetNothing", "Method is unimplemented.")]
    [InlineData("grpc.health.v1.Health", "Unwatch", "Method is unimplemented.")]
    [InlineData("tocmesh.nowhere.v1.NoService", "GetContact", "Service is unimplemented.")]
    public async Task A_call_to_a_method_or_service_the_server_does_not_have_is_unimplemented(string service, string method, string message)
    {
        using var host = new DirectoryHost();
        var invoker = host.Client<RawClient>().Invoker;
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

        var e = await RpcAssert.ThrowsAsync(StatusCode.Unimplemented, () => invoker.AsyncUnaryCall(call, null, new CallOptions(), []).ResponseAsync);
        Assert.Equal(message, e.Status.Detail);

        // The known methods beside it still answer.
        Assert.Equal("MEX", (await host.Directory().GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" })).MemberState.Code);
    }

    [Theory]
    [InlineData("GET", "/tocmesh.directory.v1.DirectoryService/GetNothing", "application/grpc")]
    [InlineData("POST", "/tocmesh.directory.v1.DirectoryService/GetNothing", "application/json")]
    [InlineData("POST", "/one/two/three", "application/grpc")]
    public async Task A_request_that_is_no_grpc_call_to_an_unknown_path_is_not_found(string method, string path, string contentType)
    {
        using var host = new DirectoryHost();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
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
