using System.Diagnostics;
using OpenTelemetry.Trace;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Decides for spans without a parent: a trace starts only where work comes in from outside, a
/// server span (a call) or a consumer span (a message), and then as <paramref name="calls"/> says.
/// A client or internal span without a parent is background work (cache pings and housekeeping,
/// messages between replicas, periodic recounts, health probes): it starts no trace, and what it
/// calls inherits that (the trace context it sends says "not sampled"). Spans with a parent follow
/// their parent (<see cref="ParentBasedSampler"/>).
/// </summary>
public sealed class IncomingCallSampler(Sampler calls) : Sampler
{
    private static readonly SamplingResult Background = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer
            ? calls.ShouldSample(samplingParameters)
            : Background;
}
