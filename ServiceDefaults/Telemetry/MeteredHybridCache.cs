using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// The cache hit ratio per area (<c>tocmesh.cache.lookups</c> and <c>tocmesh.cache.misses</c>, tag
/// <c>area</c>): HybridCache says nothing about hits, so every lookup is counted and a miss is a
/// lookup whose value had to be built. A value found in either level, or built by a concurrent
/// caller of the same key, is a hit. Hit ratio = 1 - misses / lookups.
/// </summary>
public sealed class MeteredHybridCache : HybridCache
{
    private readonly HybridCache _inner;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _misses;
    private readonly ConcurrentDictionary<string, string> _areas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _areasBySpan;
    private readonly string _serviceName;

    public MeteredHybridCache(HybridCache inner, IMeterFactory meters, ServiceIdentity service)
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
            (State: state, Factory: factory, Misses: _misses, Area: area),
            static (s, ct) =>
            {
                s.Misses.Add(1, new KeyValuePair<string, object?>("area", s.Area));
                return s.Factory(s.State, ct);
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
