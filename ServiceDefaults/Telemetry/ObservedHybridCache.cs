using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// What the operators see of the cache, in one layer around it:
/// <list type="bullet">
/// <item>The hit ratio per area (<c>tocmesh.cache.lookups</c> and <c>tocmesh.cache.misses</c>, tag
/// <c>area</c>): HybridCache says nothing about hits, so every lookup is counted and a miss is a
/// lookup whose value had to be built. A value found in either level, or built by a concurrent
/// caller of the same key, is a hit. Hit ratio = 1 - misses / lookups.</item>
/// <item>A miss stays in the trace of the call that missed. HybridCache may build a value on a
/// thread of its own, outside the caller's execution context (one build for every concurrent caller
/// of the key); the database queries and calls to other services of that build then had no parent,
/// so they showed as traces of their own, apart from the call. The build runs with the first
/// caller's activity as its parent.</item>
/// </list>
/// </summary>
/// <remarks>
/// One layer, not one for the metrics and one for the traces: every layer is a generic virtual call
/// on a cached read's path, resolved at run time, with a closure of its own (perf, docs/performance.md).
/// </remarks>
public sealed class ObservedHybridCache : HybridCache
{
    private readonly HybridCache _inner;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _misses;
    private readonly ConcurrentDictionary<string, string> _areas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _areasBySpan;
    private readonly string _serviceName;

    public ObservedHybridCache(HybridCache inner, IMeterFactory meters, ServiceIdentity service)
    {
        _inner = inner;
        _serviceName = service.Name;
        var meter = meters.Create(service.TelemetryName);
        _lookups = meter.CreateCounter<long>("tocmesh.cache.lookups", unit: "{lookup}", description: "Cache lookups by area.");
        _misses = meter.CreateCounter<long>("tocmesh.cache.misses", unit: "{lookup}", description: "Cache lookups by area whose value had to be built.");
        _areasBySpan = _areas.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The area of a key: its first segment (<c>&lt;area&gt;:&lt;id&gt;</c>), or its first two when the first
    /// is the service's own name (<c>&lt;service&gt;:&lt;area&gt;:&lt;id&gt;</c>). Ids never reach the tag, so its
    /// values stay few.
    /// </summary>
    public static ReadOnlySpan<char> AreaOf(ReadOnlySpan<char> key, ReadOnlySpan<char> serviceName)
    {
        var first = key.IndexOf(':');
        if (first < 0)
        {
            return key;
        }

        var head = key[..first];
        if (!head.SequenceEqual(serviceName))
        {
            return head;
        }

        var second = key[(first + 1)..].IndexOf(':');
        return second < 0 ? key : key[..(first + 1 + second)];
    }

    public override ValueTask<T> GetOrCreateAsync<TState, T>(
        string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var area = Area(key);
        _lookups.Add(1, new KeyValuePair<string, object?>("area", area));
        return _inner.GetOrCreateAsync(
            key,
            (State: state, Factory: factory, Misses: _misses, Area: area, Caller: Activity.Current),
            static (s, ct) =>
            {
                s.Misses.Add(1, new KeyValuePair<string, object?>("area", s.Area));
                return s.Caller is null ? s.Factory(s.State, ct) : BuildInTraceAsync(s.Caller, s.State, s.Factory, ct);
            },
            options, tags, cancellationToken);
    }

    public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        _inner.SetAsync(key, value, options, tags, cancellationToken);

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        _inner.RemoveAsync(key, cancellationToken);

    public override ValueTask RemoveAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        _inner.RemoveAsync(keys, cancellationToken);

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) =>
        _inner.RemoveByTagAsync(tag, cancellationToken);

    public override ValueTask RemoveByTagAsync(IEnumerable<string> tags, CancellationToken cancellationToken = default) =>
        _inner.RemoveByTagAsync(tags, cancellationToken);

    private static async ValueTask<T> BuildInTraceAsync<TState, T>(
        Activity caller, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, CancellationToken cancellationToken)
    {
        // Set for this build only: what an async method sets does not flow back to its caller.
        Activity.Current = caller;
        return await factory(state, cancellationToken);
    }

    // One string per area for the life of the process: no allocation per lookup.
    private string Area(string key)
    {
        var area = AreaOf(key, _serviceName);
        if (_areasBySpan.TryGetValue(area, out var name))
        {
            return name;
        }

        name = area.ToString();
        return _areas.GetOrAdd(name, name);
    }
}
