using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace TocMesh.Cli.Hosting;

/// <summary>Makes the channel a command calls a service through.</summary>
public interface IChannelFactory
{
    /// <summary>
    /// A channel to <paramref name="address"/>; for an https:// address with <paramref name="authorities"/>,
    /// the server's certificate must chain to one of them (instead of the system's trusted authorities).
    /// </summary>
    GrpcChannel Create(Uri address, X509Certificate2Collection? authorities = null);
}

/// <summary>Channels over the network: h2c for http:// addresses, TLS (ALPN h2) for https://.</summary>
public sealed class GrpcChannelFactory : IChannelFactory
{
    public GrpcChannel Create(Uri address, X509Certificate2Collection? authorities = null) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = Handler(authorities),
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    });

    /// <summary>
    /// The network handler: the system's trust, or only <paramref name="authorities"/> when given (as curl's
    /// --cacert), without a revocation check; the host name is checked either way.
    /// </summary>
    public static SocketsHttpHandler Handler(X509Certificate2Collection? authorities)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (authorities is { Count: > 0 })
        {
            // A private authority publishes no revocation list as a rule (curl --cacert does not ask either).
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(authorities);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }
}
