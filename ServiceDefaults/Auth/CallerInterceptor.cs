using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Refuses a call that presented a key we do not know, whatever the method and kind of call (streams
/// too: server reflection is a duplex stream); RESOURCE_EXHAUSTED for an address that failed too often.
/// </summary>
public sealed class CallerInterceptor(FailedAuthentications failures) : Interceptor
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

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await RefuseUnknownKeyAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await RefuseUnknownKeyAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async ValueTask RefuseUnknownKeyAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true || string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            return;
        }

        // The authentication middleware keeps only successes; ask the (cached) handler why it failed.
        var result = await http.AuthenticateAsync();
        if (http.Items.ContainsKey(FailedAuthentications.RefusedItem))
        {
            throw new QuotaExceededException("this address (too many failed authentications)", failures.Window);
        }

        throw new UnauthenticatedException(result.Failure?.Message ?? "The API key is not recognised.");
    }
}
