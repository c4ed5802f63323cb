using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using TocMesh.ServiceDefaults.Auth;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Calls by agency, method and outcome, and their duration: the operators' view of who uses what
/// (meter <c>TocMesh.&lt;Service&gt;</c>, instruments <c>tocmesh.rpc.calls</c> and <c>tocmesh.rpc.duration</c>).
/// </summary>
public sealed class CallMetricsInterceptor : Interceptor
{
    // The status tag's values, named once (Enum.ToString looked the name up on every call).
    private static readonly string[] StatusNames = Enumerable.Range(0, 17).Select(c => ((StatusCode)c).ToString()).ToArray();

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public CallMetricsInterceptor(IMeterFactory meters, ServiceIdentity service)
    {
        var meter = meters.Create(service.TelemetryName);
        _calls = meter.CreateCounter<long>("tocmesh.rpc.calls", description: "Calls by partner agency, method and status.");
        _duration = meter.CreateHistogram<double>("tocmesh.rpc.duration", unit: "s", description: "Time to answer a call, by method and status.");
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        finally
        {
            Record(context, code, started);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        finally
        {
            Record(context, code, started);
        }
    }

    private void Record(ServerCallContext context, StatusCode code, long started)
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
