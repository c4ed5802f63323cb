using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults;

/// <summary>
/// TLS on the endpoints whose URL says <c>https://</c>, with the certificate of Kestrel's own settings
/// (<c>Kestrel:Certificates:Default:Path</c> and <c>KeyPath</c>, PEM). Plain endpoints keep the protocols
/// their settings name (<c>Http2</c> for gRPC: prior-knowledge h2c, which a plain endpoint that also
/// offered HTTP/1.1 would not answer). A TLS endpoint offers both <c>h2</c> and <c>http/1.1</c> by ALPN,
/// whatever its plain-text protocols were: gRPC clients negotiate h2, a JSON client either.
/// </summary>
public static class TlsEndpoints
{
    public static IServiceCollection AddTlsEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.PostConfigure<KestrelServerOptions>(kestrel =>
        {
            if (kestrel.ConfigurationLoader is not { } loader)
            {
                return;
            }

            foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
            {
                loader.Endpoint(endpoint.Key, e =>
                {
                    if (e.IsHttps)
                    {
                        e.ListenOptions.Protocols = HttpProtocols.Http1AndHttp2;
                    }
                });
            }
        });
        return services;
    }
}
