using Microsoft.Extensions.Http;

namespace TocMesh.TestSupport;

/// <summary>Gives the clients named for one dependency (by prefix) another primary handler: an in-process service, or an outage.</summary>
internal sealed class DependencyRouting(string clientNamePrefix, Func<HttpMessageHandler> handler) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name?.StartsWith(clientNamePrefix, StringComparison.Ordinal) == true)
        {
            builder.PrimaryHandler = handler();
        }
    };
}
