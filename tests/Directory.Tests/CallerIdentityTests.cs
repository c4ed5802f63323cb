using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Who a caller is, checked on the Directory's pipeline (shared by every service): a service's own
/// key, the anonymous caller's address (forwarded only by trusted proxies), failed authentications,
/// and server reflection under the same checks as any call.
/// </summary>
public sealed class CallerIdentityTests
{
    private const string Proxy = "10.20.0.5";

    [Fact]
    public async Task A_service_key_reads_what_anonymous_callers_read_and_writes_nothing()
    {
        using var host = new DirectoryHost();
        var created = await host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("MEX"));
        var service = host.Directory(TestKeys.TreatyService);

        var read = (await service.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(created.Institution, read.Institution);
        Assert.Empty(read.Emails);
        Assert.Empty(read.Phones);
        Assert.Equal("", read.Person);

        var e = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => service.CreateAsync(PointOfContact("PER")));
        Assert.Contains("service", e.Status.Detail, StringComparison.Ordinal);
        var contacts = await host.Directory(TestKeys.Secretariat).ListContactsAsync(new ListContactsRequest { StateCode = "PER" });
        Assert.Empty(contacts.Contacts);
    }

    [Fact]
    public async Task A_service_is_limited_by_its_own_quota_not_the_anonymous_one_of_its_address()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "1");

        // The anonymous callers of the address run out; the service calling from the same address is answered in full.
        await Bursts.UntilRefusedAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy), 20);
        var service = await Bursts.SendAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy, apiKey: TestKeys.TreatyService), 20);
        Assert.All(service, Assert.Null);
    }

    [Fact]
    public async Task Forwarded_addresses_from_an_untrusted_peer_are_ignored_so_its_callers_share_one_bucket()
    {
        // 20 calls in the bucket, one more every second.
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "20");

        await Bursts.UntilRefusedAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy, forwardedFor: "203.0.113.1"), 20);
        var other = await Bursts.SendAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy, forwardedFor: "203.0.113.2"), 20);

        Assert.Contains(other, o => o?.StatusCode == StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Forwarded_addresses_from_a_configured_proxy_give_each_client_its_own_bucket()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "20")
            .WithSetting("Network:TrustedProxies", "10.20.0.0/16");

        await Bursts.UntilRefusedAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy, forwardedFor: "203.0.113.1"), 20);
        var other = await Bursts.SendAsync(host.ClientFrom<DirectoryService.DirectoryServiceClient>(Proxy, forwardedFor: "203.0.113.2"), 20);

        // A full bucket of its own: the burst is answered in full.
        Assert.All(other, Assert.Null);
    }

    [Fact]
    public async Task Failed_authentications_are_logged_without_the_key_and_throttled_per_address()
    {
        const string wrongKey = "not-a-key-anyone-was-given";
        var telemetry = new TelemetryCapture();
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:FailedAuthenticationLimit", "3").WithServices(telemetry.AddTo);
        var request = new GetMemberStateRequest { Code = "MEX" };
        var guesser = host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.7", apiKey: wrongKey);

        for (var i = 0; i < 3; i++)
        {
            await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => guesser.GetMemberStateAsync(request).ResponseAsync);
        }

        // Past the limit the address's keys are not even looked up: a right key is refused as well.
        var refused = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => guesser.GetMemberStateAsync(request).ResponseAsync);
        Assert.Equal("RATE_LIMITED", refused.ErrorInfo()?.Reason);
        await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () =>
            host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.7", apiKey: TestKeys.Partner).GetMemberStateAsync(request).ResponseAsync);

        // Other addresses, and the address's calls without a key, are not affected.
        await host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.8", apiKey: TestKeys.Partner).GetMemberStateAsync(request);
        await host.ClientFrom<DirectoryService.DirectoryServiceClient>("198.51.100.7").GetMemberStateAsync(request);

        Assert.Contains(telemetry.Logs, l => l.Contains("Failed authentication from 198.51.100.7", StringComparison.Ordinal));
        Assert.DoesNotContain(telemetry.Logs, l => l.Contains("Failed authentication from 198.51.100.8", StringComparison.Ordinal));
        Assert.Contains(telemetry.Logs, l => l.Contains("Too many failed authentications from 198.51.100.7", StringComparison.Ordinal));
        Assert.DoesNotContain(telemetry.Logs, l => l.Contains(wrongKey, StringComparison.Ordinal) || l.Contains(TestKeys.Partner, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_reflection_is_rate_limited_like_any_call()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:AnonymousPermitsPerSecond", "1").WithSetting("RateLimits:BurstFactor", "5");
        var reflection = host.Client<ServerReflection.ServerReflectionClient>();

        RpcException? refused = null;
        for (var burst = 0; burst < 20 && refused is null; burst++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ListServicesAsync(reflection)));
            refused = outcomes.FirstOrDefault(o => o?.StatusCode == StatusCode.ResourceExhausted);
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Fact]
    public async Task Server_reflection_refuses_an_unknown_key()
    {
        using var host = new DirectoryHost();
        var e = await ListServicesAsync(host.Client<ServerReflection.ServerReflectionClient>("not-a-key-anyone-was-given"));
        Assert.Equal(StatusCode.Unauthenticated, e?.StatusCode);
    }

    /// <summary>One reflection call (a duplex stream) asking for the service list: null when answered, else its failure.</summary>
    private static async Task<RpcException?> ListServicesAsync(ServerReflection.ServerReflectionClient reflection)
    {
        using var call = reflection.ServerReflectionInfo();
        RpcException? writeFailure = null;
        try
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException e)
        {
            // A refusal can end the call before the request is written; the write then fails with a
            // status of its own (CANCELLED), and the server's status is the one the response carries.
            writeFailure = e;
        }

        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }

            return writeFailure;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
