using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Telemetry;

namespace TocMesh.ServiceDefaults;

/// <summary>
/// What every call goes through before and after its handler, outermost first: its metrics see the
/// final status (<see cref="CallMetrics"/>); every failure becomes a status (<see cref="ErrorStatus"/>);
/// an unknown key (<see cref="CallerCheck"/>) and a caller over its quota (<see cref="RateLimitCheck"/>)
/// are refused before any work; a request past the bounds its <c>.proto</c> declares is refused before
/// the handler (<see cref="RequestBounds"/>). Streams get the checks and the statuses; server streams
/// their metrics and bounds too.
/// </summary>
/// <remarks>
/// One interceptor calling the five in order, not five interceptors: gRPC resolves each interceptor
/// from the call's services and runs it as a layer of its own, and five layers were a tenth of a
/// cached read's CPU (perf, docs/performance.md). A call that completes at once (a cached read) is
/// answered without an async state machine.
/// </remarks>
public sealed class ServerCallInterceptor(
    CallMetrics metrics, ErrorStatus errors, CallerCheck caller, RateLimitCheck quota, RequestBounds bounds) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        Task<TResponse> call;
        try
        {
            Admit(context);
            bounds.Check(request);
            call = continuation(request, context);
        }
        catch (Exception e)
        {
            call = Task.FromException<TResponse>(e);
        }

        if (call.IsCompletedSuccessfully)
        {
            metrics.Record(context, StatusCode.OK, started);
            return call;
        }

        return CompleteAsync(call, context, started);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            Admit(context);
            bounds.Check(request);
            await continuation(request, responseStream, context);
            metrics.Record(context, StatusCode.OK, started);
        }
        catch (Exception e)
        {
            var status = ToStatus(e, context);
            metrics.Record(context, status.StatusCode, started);
            throw Rethrow(e, status);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context);
            return await continuation(requestStream, context);
        }
        catch (Exception e)
        {
            throw Rethrow(e, ToStatus(e, context));
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context);
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e)
        {
            throw Rethrow(e, ToStatus(e, context));
        }
    }

    private void Admit(ServerCallContext context)
    {
        caller.Check(context);
        quota.Check(context);
    }

    private async Task<TResponse> CompleteAsync<TResponse>(Task<TResponse> call, ServerCallContext context, long started)
    {
        try
        {
            var response = await call;
            metrics.Record(context, StatusCode.OK, started);
            return response;
        }
        catch (Exception e)
        {
            var status = ToStatus(e, context);
            metrics.Record(context, status.StatusCode, started);
            throw Rethrow(e, status);
        }
    }

    private RpcException ToStatus(Exception e, ServerCallContext context) => e as RpcException ?? errors.ToRpcException(e, context);

    /// <summary>
    /// <paramref name="status"/> to throw; when it is <paramref name="e"/> itself (a status already),
    /// rethrows it here with its original stack.
    /// </summary>
    private static RpcException Rethrow(Exception e, RpcException status)
    {
        if (ReferenceEquals(e, status))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        }

        return status;
    }
}
