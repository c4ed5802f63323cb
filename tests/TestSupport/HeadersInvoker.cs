using Grpc.Core;

namespace TocMesh.TestSupport;

/// <summary>Adds fixed metadata (an API key, the test peer address, <c>x-forwarded-for</c>) to every call.</summary>
internal sealed class HeadersInvoker(CallInvoker inner, IReadOnlyList<KeyValuePair<string, string>> headers) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        inner.BlockingUnaryCall(method, host, With(options), request);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        inner.AsyncUnaryCall(method, host, With(options), request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        inner.AsyncServerStreamingCall(method, host, With(options), request);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        inner.AsyncClientStreamingCall(method, host, With(options));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        inner.AsyncDuplexStreamingCall(method, host, With(options));

    private CallOptions With(CallOptions options)
    {
        var metadata = options.Headers ?? [];
        foreach (var (key, value) in headers)
        {
            metadata.Add(key, value);
        }

        return options.WithHeaders(metadata);
    }
}
