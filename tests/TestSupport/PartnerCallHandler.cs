using System.Diagnostics;

namespace TocMesh.TestSupport;

/// <summary>
/// Makes a test's in-process call that is part of no trace arrive as such a partner's call does:
/// without trace context. The service's telemetry shares the test's process, so it sees the test's
/// own client span, which starts no trace (only calls do); sent along as traceparent, that decision
/// would keep the service from recording the call itself. A call the test makes inside a trace of its
/// own (an activity it started, a traceparent it sent) keeps it.
/// </summary>
internal sealed class PartnerCallHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Activity.Current is { Parent: null, ParentId: null } client
            && request.Headers.TryGetValues("traceparent", out var sent)
            && sent.All(value => value == client.Id))
        {
            request.Headers.Remove("traceparent");
            request.Headers.Remove("tracestate");
            // For this call only: what an async method sets does not flow back to its caller.
            Activity.Current = null;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
