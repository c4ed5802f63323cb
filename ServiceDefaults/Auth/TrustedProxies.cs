using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// <c>Network:TrustedProxies</c>: the addresses (<c>10.0.0.7</c>) and networks (<c>10.0.0.0/8</c>) whose
/// <c>X-Forwarded-For</c> names the client, as a list or one comma-separated value. None by default:
/// the client is the connection's peer, and a forwarded header from anyone else is ignored, so an
/// anonymous caller cannot pick its own rate-limit bucket.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Network:TrustedProxies";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        // ASP.NET Core trusts loopback by default; here only what the operators name.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list, which may still hold loopback, is cleared too
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        var entries = Entries(configuration).ToList();
        // With no known proxy at all the middleware would believe everyone: read no header then.
        options.ForwardedHeaders = entries.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor;
        // Through a chain of trusted proxies to the first address none of them vouches for.
        options.ForwardLimit = null;
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                    ? network
                    : throw new InvalidOperationException($"{Setting}: '{entry}' is not an address or a network (CIDR)."));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Setting}: '{entry}' is not an address or a network (CIDR)."));
            }
        }
    }

    /// <summary>
    /// The forwarded-headers middleware, only where it can change something. With no trusted proxy it
    /// reads no header (<see cref="Configure"/>), and a request without <c>X-Forwarded-For</c> leaves it
    /// nothing to apply; yet it allocated on every request (the peer's address as an endpoint and an
    /// empty list of forwarders: 2 % of the bytes a cached read allocated).
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.ForwardedHeaders == ForwardedHeaders.None)
        {
            return app;
        }

        if (options.ForwardedHeaders != ForwardedHeaders.XForwardedFor)
        {
            return app.UseForwardedHeaders();
        }

        var header = options.ForwardedForHeaderName;
        return app.UseWhen(context => context.Request.Headers.ContainsKey(header), forwarded => forwarded.UseForwardedHeaders());
    }

    private static IEnumerable<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
