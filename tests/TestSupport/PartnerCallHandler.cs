using System.Diagnostics;

namespace TocMesh.TestSupport;

/// <summary>
/// Makes a test's in-process call arrive as a partner's does, from another process and without a
/// trace of the service's. The service's telemetry shares the test's process, so it sees the test's
/// own client span, which it does not record (it records calls, not what starts them); sent along
/// (traceparent), that decision would keep the service from recording the call itself.
/// </summary>
internal sealed class PartnerCallHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("traceparent");
        request.Headers.Remove("tracestate");
        // For this call only: what an async method sets does not flow back to its caller.
        Activity.Current = null;
        return await base.SendAsync(request, cancellationToken);
    }
}
