using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Limits each partner agency, each calling TocMesh service and each anonymous client address to its
/// share of the service: over the quota a call is RESOURCE_EXHAUSTED with <c>RetryInfo</c>, before any
/// work is done. Every kind of call is counted, streams too (server reflection is a duplex stream).
/// </summary>
public sealed class RateLimitCheck : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public RateLimitCheck(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        if (_options.Enabled)
        {
            // A bucket and its options are made once per key.
            _limiter = KeyedRateLimiter.Create(key => new TokenBucketRateLimiter(BucketFor(key)));
        }
    }

    private TokenBucketRateLimiterOptions BucketFor(string key)
    {
        var rate = key.StartsWith("agency:", StringComparison.Ordinal) ? _options.AgencyPermitsPerSecond
            : key.StartsWith("service:", StringComparison.Ordinal) ? _options.ServicePermitsPerSecond
            : _options.AnonymousPermitsPerSecond;
        // Refilled at the rate's pace: every 100 ms the heartbeat adds what the time since the last refill earned.
        rate = Math.Max(1, rate);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, rate * _options.BurstFactor),
            TokensPerPeriod = Math.Max(1, rate / 10),
            ReplenishmentPeriod = rate >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / rate),
            QueueLimit = 0,
            // Refilled by the partitioned limiter's one heartbeat (every 100 ms, by the time elapsed), not
            // by a timer of each bucket's own: callers from many addresses must not each start a timer.
            AutoReplenishment = false,
        };
    }

    public void Dispose() => _limiter?.Dispose();

    /// <summary>Throws RESOURCE_EXHAUSTED (as <see cref="QuotaExceededException"/>) when the caller is over its quota.</summary>
    public void Check(ServerCallContext context)
    {
        if (_limiter is null)
        {
            return;
        }

        var http = context.GetHttpContext();
        using var lease = _limiter.AttemptAcquire(http.QuotaKey());
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            throw new QuotaExceededException(http.GetCaller().Agency ?? "this address", retryAfter);
        }
    }
}
