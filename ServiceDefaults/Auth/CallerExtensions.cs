using System.Net;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults.Auth;

public static class CallerExtensions
{
    /// <summary>The caller of this gRPC call, from its API key (anonymous when it sent none).</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().GetCaller();

    /// <summary>The caller <see cref="ApiKeyAuthentication"/> recognised; anonymous when the call had no (known) key.</summary>
    public static Caller GetCaller(this HttpContext http) => http.Features.Get<Caller>() ?? Caller.Anonymous;

    /// <summary>
    /// The client's address: the connection's peer, or what a trusted proxy forwarded
    /// (<c>Network:TrustedProxies</c>; X-Forwarded-For from anyone else is ignored).
    /// </summary>
    public static string ClientAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Whose share a call uses: <c>service:&lt;agency&gt;</c> for a TocMesh service's key,
    /// <c>agency:&lt;agency&gt;</c> for a partner's, <c>anonymous:&lt;address&gt;</c> without a key.
    /// </summary>
    public static string QuotaKey(this HttpContext http)
    {
        var caller = http.GetCaller();
        return caller.IsAnonymous ? AnonymousQuotaKey(http.Connection.RemoteIpAddress)
            : caller.IsService ? "service:" + caller.Agency
            : "agency:" + caller.Agency;
    }

    // One key per address object: a connection's calls share its address (Kestrel reads it once), so
    // the key is built once per connection rather than once per call; entries go with their address.
    private static readonly ConditionalWeakTable<IPAddress, string> AnonymousKeys = [];

    private static string AnonymousQuotaKey(IPAddress? address) =>
        address is null ? "anonymous:unknown" : AnonymousKeys.GetValue(address, static a => "anonymous:" + a);
}
