using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

/// <summary>tocmesh over the network: TLS with a private authority, and an API key never sent in plain text beyond loopback.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task An_https_address_works_with_the_authority_of_ca_file_and_not_without_it()
    {
        using var certificate = new TestCertificate();
        using var directory = new DirectoryNode();
        using var treaty = new TreatyNode(directory);
        treaty.WithSetting("Kestrel:Endpoints:http:Url", "https://127.0.0.1:0")
            .WithSetting("Kestrel:Endpoints:rest:Url", "https://127.0.0.2:0")
            .WithSetting("Kestrel:Certificates:Default:Path", certificate.CertificatePath)
            .WithSetting("Kestrel:Certificates:Default:KeyPath", certificate.KeyPath);
        var address = treaty.StartOnPorts().Single(a => a.Host == "127.0.0.1").ToString();

        var trusted = await Cli.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07", "--treaty", address, "--ca-file", certificate.AuthorityPath, "--key", TestKeys.Partner);
        Assert.True(trusted.ExitCode == 0, trusted.ToString());
        Assert.Contains("a-55: ratified (listed)", trusted.Output);

        // The system does not know the test's authority: the handshake fails, nothing is answered.
        var untrusted = await Cli.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07", "--treaty", address, "--key", TestKeys.Partner);
        Assert.Equal(ExitCodes.ServiceError, untrusted.ExitCode);
        Assert.DoesNotContain("a-55", untrusted.Output);

        var missing = await Cli.RunAsync("status", "state", "VEN", "--treaty", address, "--ca-file", certificate.AuthorityPath + ".missing");
        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("--ca-file", missing.Error);
    }

    [Fact]
    public async Task A_key_goes_over_plain_http_beyond_loopback_only_with_insecure()
    {
        var outside = NonLoopbackAddress();
        var connections = 0;
        using var directory = new DirectoryNode();
        using var treaty = new TreatyNode(directory);
        treaty.WithSetting("Kestrel:Endpoints:http:Url", $"http://{outside}:0")
            .WithSetting("Kestrel:Endpoints:rest:Url", "http://127.0.0.1:0")
            .WithServices(services => services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => connection =>
            {
                Interlocked.Increment(ref connections);
                return next(connection);
            }))));
        var address = treaty.StartOnPorts().Single(a => a.Host == outside.ToString()).ToString();

        var refused = await Cli.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07", "--treaty", address, "--key", TestKeys.Partner);
        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("refusing to send the API key in plain text", refused.Error);
        Assert.DoesNotContain(TestKeys.Partner, refused.Error);
        Assert.Equal(0, Volatile.Read(ref connections));

        // The same from the environment.
        var environment = new Dictionary<string, string> { ["TOCMESH_TREATY_URL"] = address, ["TOCMESH_API_KEY"] = TestKeys.Partner };
        var fromEnvironment = await Cli.RunAsync(new Hosting.GrpcChannelFactory(), environment, "status", "state", "VEN", "--as-of", "2009-10-07");
        Assert.Equal(ExitCodes.UsageError, fromEnvironment.ExitCode);
        Assert.Equal(0, Volatile.Read(ref connections));

        // With --insecure the key is sent: an unknown one is refused by the service, the partner's accepted.
        var unknown = await Cli.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07", "--treaty", address, "--key", "not-a-key-of-this-mesh", "--insecure");
        Assert.Equal(ExitCodes.ServiceError, unknown.ExitCode);
        Assert.Contains("answered UNAUTHENTICATED", unknown.Error);
        Assert.True(Volatile.Read(ref connections) > 0);
        var partner = await Cli.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07", "--treaty", address, "--key", TestKeys.Partner, "--insecure");
        Assert.True(partner.ExitCode == 0, partner.ToString());
        Assert.Contains("a-55: ratified (listed)", partner.Output);

        // Loopback needs no --insecure: the key goes to this machine only.
        Assert.True(Hosting.Session.IsLoopback(new Uri("http://127.0.0.1:5101")));
        Assert.True(Hosting.Session.IsLoopback(new Uri("http://treaty.localhost")));
        Assert.False(Hosting.Session.IsLoopback(new Uri($"http://{outside}:5101")));
    }

    /// <summary>An IPv4 address of this machine that is not loopback, to listen on as a remote host would.</summary>
    private static IPAddress NonLoopbackAddress()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(address is not null, "this test listens on a non-loopback IPv4 address of this machine, and it has none");
        return address;
    }
}
