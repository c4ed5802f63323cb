using System.Threading.RateLimiting;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// A limiter per string key (a caller, an address), each made by <paramref name="limiterFor"/> the
/// first time its key is seen. The partitioner runs on every call and only names the key and the one
/// factory given here: <c>RateLimitPartition.GetTokenBucketLimiter</c> and its kin wrap the factory in
/// a new delegate on every call (seen in an allocation profile of a cached read, docs/performance.md).
/// The limiters made should not replenish themselves (<c>AutoReplenishment = false</c>): the
/// partitioned limiter refills them all from its one heartbeat (every 100 ms) and drops those idle
/// for 10 s, where a self-replenishing limiter starts a timer of its own for each key.
/// </summary>
internal static class KeyedRateLimiter
{
    public static PartitionedRateLimiter<string> Create(Func<string, RateLimiter> limiterFor) =>
        PartitionedRateLimiter.Create<string, string>(key => new RateLimitPartition<string>(key, limiterFor));
}
