using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.ObjectPool;

namespace TocMesh.ServiceDefaults;

/// <summary>
/// A call without a deadline is still bounded: its <see cref="HttpContext.RequestAborted"/> (the gRPC
/// call's cancellation token) is cancelled <c>Grpc:ServerTimeout</c> after it started (30 s), and the
/// error interceptor answers DEADLINE_EXCEEDED. Streaming methods opt out with
/// <see cref="DisableRequestTimeoutAttribute"/>. Under a debugger nothing is bounded.
/// </summary>
/// <remarks>
/// <para>
/// In place of ASP.NET Core's request-timeouts middleware, which does the same per call but also looks
/// its policies up and asks whether a debugger is attached every time (5 % of a cached read's CPU in
/// the profile, docs/performance.md).
/// </para>
/// <para>
/// The bound's cancellation sources are reused, as Kestrel reuses the one behind
/// <see cref="HttpContext.RequestAborted"/>: a new source with its timer was 5-6 % of the bytes a cached
/// read allocated. A source goes back to the pool only when its call ended well before its bound
/// (<see cref="CancellationTokenSource.TryReset"/> also stops the timer): a timer fires only once its
/// time is due, so a reused source can never be cancelled late by the call it served. One that was
/// cancelled, or whose call came near its bound, is dropped. As with <c>RequestAborted</c> itself, a
/// call's token is not to be used once the call has ended.
/// </para>
/// </remarks>
public sealed class ServerTimeouts(RequestDelegate next, TimeSpan timeout)
{
    /// <summary>How far ahead of its bound a call must end for its source to be reused.</summary>
    private static readonly TimeSpan ReuseMargin = TimeSpan.FromSeconds(1);

    private readonly bool _bounded = timeout > TimeSpan.Zero && !Debugger.IsAttached;

    private readonly ObjectPool<CancellationTokenSource> _sources =
        new DefaultObjectPool<CancellationTokenSource>(new SourcePolicy(), maximumRetained: 1024);

    public Task InvokeAsync(HttpContext context) =>
        _bounded && context.GetEndpoint()?.Metadata.GetMetadata<DisableRequestTimeoutAttribute>() is null
            ? BoundedAsync(context)
            : next(context);

    private async Task BoundedAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var original = context.RequestAborted;
        var bound = _sources.Get();
        // Linked to the connection's own token, as CancellationTokenSource.CreateLinkedTokenSource would.
        var link = original.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), bound);
        bound.CancelAfter(timeout);
        context.RequestAborted = bound.Token;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestAborted = original;
            link.Dispose();
            if (Stopwatch.GetElapsedTime(started) < timeout - ReuseMargin)
            {
                _sources.Return(bound);
            }
            else
            {
                bound.Dispose();
            }
        }
    }

    private sealed class SourcePolicy : IPooledObjectPolicy<CancellationTokenSource>
    {
        public CancellationTokenSource Create() => new();

        public bool Return(CancellationTokenSource source)
        {
            if (source.TryReset())
            {
                return true;
            }

            source.Dispose();
            return false;
        }
    }
}
