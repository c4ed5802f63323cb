using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using TocMesh.ServiceDefaults.Auth;

namespace TocMesh.ServiceDefaults.Clients;

/// <summary>
/// Sends this service's own key (<c>Auth:ServiceKey</c>) as <c>authorization: Bearer &lt;key&gt;</c> on
/// every call to another service, so the callee knows it as <c>service:&lt;name&gt;</c> and counts it
/// apart from anonymous callers. No key configured: the call goes out anonymous, as before.
/// </summary>
public sealed class ServiceKeyInterceptor(IOptionsMonitor<ApiKeyOptions> options) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithKey(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithKey(context));

    private ClientInterceptorContext<TRequest, TResponse> WithKey<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        if (options.CurrentValue.ServiceKey is not { Length: > 0 } key)
        {
            return context;
        }

        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            if (!entry.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(entry);
            }
        }

        headers.Add("authorization", "Bearer " + key.Trim());
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
