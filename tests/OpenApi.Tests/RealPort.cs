using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.TestSupport;

namespace TocMesh.OpenApi.Tests;

/// <summary>Serves a test host with Kestrel on loopback ports Kestrel picks, as a partner reaches a service.</summary>
public static class RealPort
{
    /// <summary>Starts <paramref name="host"/> on real ports and gives the address of its JSON surface.</summary>
    public static Uri Start<T>(ServiceHost<T> host) where T : class
    {
        // Both endpoints of the service's configuration, each on a port held by Kestrel itself; HTTP/1.1
        // on both, so whichever address is read serves JSON.
        foreach (var endpoint in new[] { "http", "rest" })
        {
            host.WithSetting($"Kestrel:Endpoints:{endpoint}:Url", "http://127.0.0.1:0")
                .WithSetting($"Kestrel:Endpoints:{endpoint}:Protocols", "Http1AndHttp2");
        }

        host.UseKestrel();
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First(a => !a.EndsWith(":0", StringComparison.Ordinal)));
    }
}
