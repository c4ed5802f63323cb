using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TocMesh.ServiceDefaults.Auth;

namespace TocMesh.ServiceDefaults.Clients;

public static class ServiceClientExtensions
{
    /// <summary>
    /// A typed client of another TocMesh service, found by its Aspire resource name
    /// (<c>http://&lt;resource&gt;</c>; <c>services:&lt;resource&gt;:http:0</c> in configuration when run alone).
    /// Every call gets a deadline (the caller's, when shorter); UNAVAILABLE is retried, which is safe
    /// for reads and for writes that carry a request id. The service's own key (<c>Auth:ServiceKey</c>),
    /// when configured, goes with every call.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string resourceName, TimeSpan? deadline = null)
        where TClient : ClientBase => builder.Services.AddServiceClient<TClient>(resourceName, deadline);

    /// <summary>"&lt;resource&gt;/&lt;assembly&gt;/&lt;client type&gt;": unique per caller, and grouping every client of one service.</summary>
    public static string ClientName<TClient>(string resourceName) =>
        $"{resourceName}/{typeof(TClient).Assembly.GetName().Name}/{typeof(TClient).FullName}";

    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string resourceName, TimeSpan? deadline = null)
        where TClient : ClientBase
    {
        var timeout = deadline ?? TimeSpan.FromSeconds(5);
        return services
            .AddGrpcClient<TClient>(ClientName<TClient>(resourceName), o => o.Address = new Uri($"http://{resourceName}"))
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = new ServiceConfig
                {
                    MethodConfigs =
                    {
                        new MethodConfig
                        {
                            Names = { MethodName.Default },
                            RetryPolicy = new RetryPolicy
                            {
                                MaxAttempts = 3,
                                InitialBackoff = TimeSpan.FromMilliseconds(100),
                                MaxBackoff = TimeSpan.FromSeconds(1),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { StatusCode.Unavailable },
                            },
                        },
                    },
                };
            })
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new DeadlineInterceptor(timeout))
            .AddInterceptor(provider => new ServiceKeyInterceptor(provider.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>()));
    }
}
