using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Limits each partner agency (and each anonymous address) to its share of the service: over the
/// quota a call is RESOURCE_EXHAUSTED with <c>RetryInfo</c>, before any work is done.
/// </summary>
public sealed class RateLimitInterceptor : Interceptor, IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public RateLimitInterceptor(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        if (_options.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var rate = k.StartsWith("agency:", StringComparison.Ordinal) ? _options.AgencyPermitsPerSecond : _options.AnonymousPermitsPerSecond;
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, rate * _options.BurstFactor),
                    TokensPerPeriod = Math.Max(1, rate / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            }));
        }
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public void Dispose() => _limiter?.Dispose();

    private void Admit(ServerCallContext context)
    {
        if (_limiter is null)
        {
            return;
        }

        var caller = context.GetCaller();
        var key = caller.IsAnonymous
            ? "anonymous:" + (context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : "agency:" + caller.Agency;
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            throw new QuotaExceededException(caller.Agency ?? "this address", retryAfter);
        }
    }
}
