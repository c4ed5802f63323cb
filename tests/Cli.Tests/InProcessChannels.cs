using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli.Tests;

/// <summary>
/// Channels to in-process services, by the host name of the address the CLI resolved
/// (http://treaty.localhost, ...: loopback names, to which the CLI sends a key over http://); any other address is reached over the network.
/// </summary>
public sealed class InProcessChannels(IReadOnlyDictionary<string, Func<HttpMessageHandler>> handlers) : IChannelFactory
{
    public GrpcChannel Create(Uri address, X509Certificate2Collection? authorities = null) => handlers.TryGetValue(address.Host, out var handler)
        ? GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler(), MaxReceiveMessageSize = 16 * 1024 * 1024 })
        : new GrpcChannelFactory().Create(address, authorities);
}
