using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// Counts the calls the service under test sends to one of the services it calls, by gRPC method,
/// as each attempt leaves for the network (whether or not anyone answers).
/// </summary>
public sealed class OutgoingCalls(string resourceName)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Attempts of <paramref name="method"/> (e.g. "GetContact") sent so far.</summary>
    public int Count(string method) => _counts.GetValueOrDefault(method);

    /// <summary>Puts the counter in front of every client the service has of the resource.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(builder =>
        {
            if (builder.Name?.StartsWith(resourceName + "/", StringComparison.Ordinal) == true)
            {
                builder.AdditionalHandlers.Add(new Counter(this));
            }
        }));

    private sealed class Counter(OutgoingCalls calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.RequestUri?.AbsolutePath.Split('/')[^1] ?? "";
            calls._counts.AddOrUpdate(method, 1, (_, n) => n + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
