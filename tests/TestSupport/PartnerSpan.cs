using System.Diagnostics;

namespace TocMesh.TestSupport;

/// <summary>
/// A partner's own span, started in the test: calls made while it is current travel inside the trace
/// <paramref name="trace"/> with the partner's sampling decision (<paramref name="flags"/>) as their traceparent.
/// </summary>
public static class PartnerSpan
{
    public static Activity Start(ActivityTraceId trace, ActivityTraceFlags flags)
    {
        var span = new Activity("partner-call");
        span.SetIdFormat(ActivityIdFormat.W3C);
        span.SetParentId(trace, ActivitySpanId.CreateRandom(), flags);
        span.ActivityTraceFlags = flags;
        return span.Start();
    }
}
