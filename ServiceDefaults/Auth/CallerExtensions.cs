using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults.Auth;

public static class CallerExtensions
{
    /// <summary>The caller of this gRPC call, from its API key (anonymous when it sent none).</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().GetCaller();

    /// <summary>Read from the claims once per call: quotas, metrics and endpoints all ask.</summary>
    public static Caller GetCaller(this HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(Caller), out var known) && known is Caller caller)
        {
            return caller;
        }

        var user = http.User;
        caller = user.Identity?.IsAuthenticated != true
            ? Caller.Anonymous
            : new Caller(
                user.FindFirstValue(ApiKeyAuthentication.AgencyClaim),
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        http.Items[typeof(Caller)] = caller;
        return caller;
    }

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
        return caller.IsAnonymous ? "anonymous:" + http.ClientAddress()
            : caller.IsService ? "service:" + caller.Agency
            : "agency:" + caller.Agency;
    }
}
