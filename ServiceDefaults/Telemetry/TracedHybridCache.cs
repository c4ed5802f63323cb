using System.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps a cache miss in the trace of the call that missed. HybridCache may build a value on a
/// thread of its own, outside the caller's execution context (one build for every concurrent caller
/// of the key); the database queries and calls to other services of that build then had no parent,
/// so they showed as traces of their own, apart from the call. The build now runs with the first
/// caller's activity as its parent.
/// </summary>
public sealed class TracedHybridCache(HybridCache inner) : HybridCache
{
    public override ValueTask<T> GetOrCreateAsync<TState, T>(
        string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var caller = Activity.Current;
        if (caller is null)
        {
            return inner.GetOrCreateAsync(key, state, factory, options, tags, cancellationToken);
        }

        return inner.GetOrCreateAsync(
            key,
            (State: state, Factory: factory, Caller: caller),
            static async (s, ct) =>
            {
                // Set for this build only: what an async method sets does not flow back to its caller.
                Activity.Current = s.Caller;
                return await s.Factory(s.State, ct);
            },
            options, tags, cancellationToken);
    }

    public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        inner.SetAsync(key, value, options, tags, cancellationToken);

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        inner.RemoveAsync(key, cancellationToken);

    public override ValueTask RemoveAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        inner.RemoveAsync(keys, cancellationToken);

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) =>
        inner.RemoveByTagAsync(tag, cancellationToken);

    public override ValueTask RemoveByTagAsync(IEnumerable<string> tags, CancellationToken cancellationToken = default) =>
        inner.RemoveByTagAsync(tags, cancellationToken);
}
