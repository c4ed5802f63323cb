using Grpc.Net.Client;

namespace TocMesh.Cli.Hosting;

/// <summary>Makes the channel a command calls a service through.</summary>
public interface IChannelFactory
{
    GrpcChannel Create(Uri address);
}

/// <summary>Channels over the network: h2c for http:// addresses, TLS for https://.</summary>
public sealed class GrpcChannelFactory : IChannelFactory
{
    public GrpcChannel Create(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    });
}
