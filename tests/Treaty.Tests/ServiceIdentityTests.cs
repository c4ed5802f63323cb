using System.Collections.Concurrent;
using TocMesh.Treaty.Grpc;
using TocMesh.Treaty.V1;
using TocMesh.TestSupport;

namespace TocMesh.Treaty.Tests;

/// <summary>A service calls the others with its own key (<c>Auth:ServiceKey</c>), never with its caller's.</summary>
public sealed class ServiceIdentityTests
{
    [Fact]
    public async Task Treaty_calls_the_directory_with_its_own_service_key()
    {
        using var directory = new DirectoryDependency();
        var sent = new ConcurrentQueue<string>();
        using var treaty = new ServiceHost<TreatyGrpcService>(MeshResources.Treaty)
            .WithSetting("Auth:ServiceKey", TestKeys.TreatyService)
            .WithDependency(MeshResources.Directory, () => new Recorder(directory.Server.CreateHandler(), sent));

        // A partner's call that makes Treaty read the Directory's register of member states.
        await treaty.Client<TreatyService.TreatyServiceClient>(TestKeys.Partner).GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX" });

        Assert.NotEmpty(sent);
        Assert.All(sent, header => Assert.Equal("Bearer " + TestKeys.TreatyService, header));
    }

    [Fact]
    public async Task Without_a_service_key_the_calls_go_out_anonymous()
    {
        using var directory = new DirectoryDependency();
        var sent = new ConcurrentQueue<string>();
        using var treaty = new ServiceHost<TreatyGrpcService>(MeshResources.Treaty)
            .WithDependency(MeshResources.Directory, () => new Recorder(directory.Server.CreateHandler(), sent));

        await treaty.Client<TreatyService.TreatyServiceClient>(TestKeys.Partner).GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX" });

        Assert.NotEmpty(sent);
        Assert.All(sent, header => Assert.Equal("", header));
    }

    /// <summary>Passes each call on, keeping its authorization header ("" when none).</summary>
    private sealed class Recorder(HttpMessageHandler inner, ConcurrentQueue<string> sent) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.Headers.Authorization?.ToString() ?? "");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
