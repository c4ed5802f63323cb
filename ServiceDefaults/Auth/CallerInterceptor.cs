using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Refuses a call that presented a key we do not know, whatever the method and kind of call (streams
/// too: server reflection is a duplex stream); RESOURCE_EXHAUSTED for an address that failed too often.
/// </summary>
public sealed class CallerInterceptor(FailedAuthentications failures) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        RefuseUnknownKey(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseUnknownKey(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseUnknownKey(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseUnknownKey(context);
        return continuation(requestStream, responseStream, context);
    }

    /// <summary>The failure <see cref="ApiKeyAuthentication"/> recorded for this call's key, if any, as a status.</summary>
    private void RefuseUnknownKey(ServerCallContext context)
    {
        var failure = context.GetHttpContext().Features.Get<ApiKeyFailure>();
        if (failure is not null)
        {
            throw failure.AddressRefused
                ? new QuotaExceededException("this address (too many failed authentications)", failures.Window)
                : new UnauthenticatedException(failure.Message);
        }
    }
}
