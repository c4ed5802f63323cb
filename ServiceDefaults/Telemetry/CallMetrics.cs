using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Calls by agency, method and outcome, and their duration: the operators' view of who uses what
/// (meter <c>TocMesh.&lt;Service&gt;</c>, instruments <c>tocmesh.rpc.calls</c> and <c>tocmesh.rpc.duration</c>).
/// </summary>
public sealed class CallMetrics
{
    // The status tag's values, named once (Enum.ToString looked the name up on every call).
    private static readonly string[] StatusNames = Enumerable.Range(0, 17).Select(c => ((StatusCode)c).ToString()).ToArray();

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public CallMetrics(IMeterFactory meters, ServiceIdentity service)
    {
        var meter = meters.Create(service.TelemetryName);
        _calls = meter.CreateCounter<long>("tocmesh.rpc.calls", description: "Calls by partner agency, method and status.");
        _duration = meter.CreateHistogram<double>("tocmesh.rpc.duration", unit: "s", description: "Time to answer a call, by method and status.");
    }

    /// <summary>Counts a finished call and its duration since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Record(ServerCallContext context, StatusCode code, long started)
    {
        var method = context.Method;
        var status = (uint)code < (uint)StatusNames.Length ? StatusNames[(int)code] : code.ToString();
        _calls.Add(1,
            new KeyValuePair<string, object?>("agency", context.GetCaller().Agency ?? "anonymous"),
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("status", status));
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("status", status));
    }
}
