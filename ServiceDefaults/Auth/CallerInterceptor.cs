using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>Refuses a call that presented a key we do not know, whatever the method.</summary>
public sealed class CallerInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await RefuseUnknownKeyAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await RefuseUnknownKeyAsync(context);
        await continuation(request, responseStream, context);
    }

    private static async ValueTask RefuseUnknownKeyAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true || string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            return;
        }

        // The authentication middleware keeps only successes; ask the (cached) handler why it failed.
        var result = await http.AuthenticateAsync();
        throw new UnauthenticatedException(result.Failure?.Message ?? "The API key is not recognised.");
    }
}

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
                user.FindFirstValue(ApiKeyAuthenticationHandler.AgencyClaim),
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        http.Items[typeof(Caller)] = caller;
        return caller;
    }
}
