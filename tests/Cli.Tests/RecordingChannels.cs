using System.Security.Cryptography.X509Certificates;
using System.Collections.Concurrent;
using Grpc.Net.Client;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli.Tests;

/// <summary>
/// The channels of <see cref="InProcessChannels"/>, with every request the CLI sends through any of
/// them recorded before it goes out, whatever its address: to say that a command sent nothing.
/// </summary>
public sealed class RecordingChannels(IReadOnlyDictionary<string, Func<HttpMessageHandler>> handlers) : IChannelFactory
{
    private readonly ConcurrentQueue<Uri> _sent = new();

    /// <summary>The address of every request sent so far.</summary>
    public IReadOnlyCollection<Uri> Sent => _sent;

    public GrpcChannel Create(Uri address, X509Certificate2Collection? authorities = null)
    {
        HttpMessageHandler inner = handlers.TryGetValue(address.Host, out var handler) ? handler() : GrpcChannelFactory.Handler(authorities);
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new Recorder(_sent, inner), MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }

    private sealed class Recorder(ConcurrentQueue<Uri> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
