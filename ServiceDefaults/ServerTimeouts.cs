using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;

namespace TocMesh.ServiceDefaults;

/// <summary>
/// A call without a deadline is still bounded: its <see cref="HttpContext.RequestAborted"/> (the gRPC
/// call's cancellation token) is cancelled <c>Grpc:ServerTimeout</c> after it started (30 s), and the
/// error interceptor answers DEADLINE_EXCEEDED. Streaming methods opt out with
/// <see cref="DisableRequestTimeoutAttribute"/>. Under a debugger nothing is bounded.
/// </summary>
/// <remarks>
/// In place of ASP.NET Core's request-timeouts middleware, which does the same per call but also looks
/// its policies up and asks whether a debugger is attached every time. That middleware showed as 5 %
/// of a cached read's CPU in the profile (docs/performance.md), most of it, read again, garbage
/// collection charged to its debugger check; what this saves is the lookups and the check, and the
/// collections now show at the timer below.
/// </remarks>
public sealed class ServerTimeouts(RequestDelegate next, TimeSpan timeout)
{
    private readonly bool _bounded = timeout > TimeSpan.Zero && !Debugger.IsAttached;

    public Task InvokeAsync(HttpContext context) =>
        _bounded && context.GetEndpoint()?.Metadata.GetMetadata<DisableRequestTimeoutAttribute>() is null
            ? BoundedAsync(context)
            : next(context);

    private async Task BoundedAsync(HttpContext context)
    {
        var original = context.RequestAborted;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(original);
        bound.CancelAfter(timeout);
        context.RequestAborted = bound.Token;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestAborted = original;
        }
    }
}
