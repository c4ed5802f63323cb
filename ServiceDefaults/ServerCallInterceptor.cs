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
        catch (RpcException e)
        {
            metrics.Record(context, e.StatusCode, started);
            throw;
        }
        catch (Exception e)
        {
            throw Failed(e, context, started);
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
        catch (Exception e) when (e is not RpcException)
        {
            throw errors.ToRpcException(e, context);
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
        catch (Exception e) when (e is not RpcException)
        {
            throw errors.ToRpcException(e, context);
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
        catch (RpcException e)
        {
            metrics.Record(context, e.StatusCode, started);
            throw;
        }
        catch (Exception e)
        {
            throw Failed(e, context, started);
        }
    }

    /// <summary>The status a failure that is not one already becomes, counted in the call's metrics.</summary>
    private RpcException Failed(Exception e, ServerCallContext context, long started)
    {
        var status = errors.ToRpcException(e, context);
        metrics.Record(context, status.StatusCode, started);
        return status;
    }
}
