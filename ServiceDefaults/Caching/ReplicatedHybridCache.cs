using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// The HybridCache every service injects, coherent across replicas. HybridCache removes a key or a
/// tag only from the in-process level (L1) of the replica that asks, and the other replicas keep
/// their L1 copies until they expire; so every removal here is also published on the
/// <see cref="ReplicaBus"/>, and every replica applies the others' removals to its own L1 before
/// the removal returns (so a read on any replica after a write returned sees the write).
/// While this replica cannot hear the others (Redis configured but unreachable, or several replicas
/// and no Redis), new L1 entries live at most <see cref="UnsyncedLocalExpiration"/>; after a
/// reconnection the whole L1 is dropped, since removals may have been missed meanwhile.
/// A negative result (a factory that found nothing returns null) is kept at most
/// <see cref="NegativeExpiration"/>, in both levels: a caller asking for random ids leaves nothing
/// lasting behind, and a record created where this replica's removal cannot reach is found soon.
/// </summary>
public sealed class ReplicatedHybridCache : HybridCache
{
    /// <summary>HybridCache's wildcard tag: removing it invalidates every entry.</summary>
    public const string EveryEntry = "*";
    private const string TagsTopic = "tags";
    private const string KeysTopic = "keys";

    private readonly HybridCache _local;
    private readonly ReplicaBus _bus;
    private readonly bool _replicasWithoutBus;
    private readonly HybridCacheEntryOptions _negativeEntry;

    public ReplicatedHybridCache(HybridCache local, ReplicaBus bus, int replicas, TimeSpan unsyncedLocalExpiration, TimeSpan negativeExpiration)
    {
        NegativeExpiration = negativeExpiration;
        _negativeEntry = new HybridCacheEntryOptions { Expiration = negativeExpiration, LocalCacheExpiration = negativeExpiration };
        _local = local;
        _bus = bus;
        _replicasWithoutBus = replicas > 1 && !bus.IsConfigured;
        UnsyncedLocalExpiration = unsyncedLocalExpiration;
        bus.On(TagsTopic, tags => _local.RemoveByTagAsync(tags).AsTask());
        bus.On(KeysTopic, keys => _local.RemoveAsync(keys).AsTask());
        bus.OnResync(() => _local.RemoveByTagAsync(EveryEntry).AsTask());
    }

    /// <summary>The longest an L1 entry lives while removals of other replicas cannot reach this one.</summary>
    public TimeSpan UnsyncedLocalExpiration { get; }

    /// <summary>The longest a "not found" (a null result) is kept.</summary>
    public TimeSpan NegativeExpiration { get; }

    private bool Unsynced => _replicasWithoutBus || (_bus.IsConfigured && !_bus.IsListening);

    public override ValueTask<T> GetOrCreateAsync<TState, T>(
        string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        // A null result leaves the factory as an exception, so HybridCache keeps nothing under its
        // options; it is then kept under the short ones. A hit completes at once and is returned as it is.
        var found = _local.GetOrCreateAsync(
            key,
            (State: state, Factory: factory),
            static async (s, ct) => await s.Factory(s.State, ct) ?? throw new NothingFound(),
            Bounded(options),
            tags,
            cancellationToken);
        return found.IsCompletedSuccessfully ? found : KeepNothingFoundAsync(found, key, tags, cancellationToken);
    }

    private async ValueTask<T> KeepNothingFoundAsync<T>(ValueTask<T> found, string key, IEnumerable<string>? tags, CancellationToken cancellationToken)
    {
        try
        {
            return await found;
        }
        catch (NothingFound)
        {
            await _local.SetAsync<T>(key, default!, _negativeEntry, tags, cancellationToken);
            return default!;
        }
    }

    public override ValueTask SetAsync<T>(
        string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        _local.SetAsync(key, value, Bounded(options), tags, cancellationToken);

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        RemoveAsync([key], cancellationToken);

    public override async ValueTask RemoveAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var list = keys?.ToList() ?? [];
        await _local.RemoveAsync(list, cancellationToken);
        await _bus.PublishAsync(KeysTopic, list, confirmed: true);
    }

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) =>
        RemoveByTagAsync([tag], cancellationToken);

    public override async ValueTask RemoveByTagAsync(IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var list = tags?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        await _local.RemoveByTagAsync(list, cancellationToken);
        await _bus.PublishAsync(TagsTopic, list, confirmed: true);
    }

    private HybridCacheEntryOptions? Bounded(HybridCacheEntryOptions? options)
    {
        if (!Unsynced || options?.LocalCacheExpiration <= UnsyncedLocalExpiration)
        {
            return options;
        }

        return new HybridCacheEntryOptions
        {
            Expiration = options?.Expiration,
            LocalCacheExpiration = UnsyncedLocalExpiration,
            Flags = options?.Flags,
        };
    }

    /// <summary>A factory found nothing: its null is not kept under the entry's own options.</summary>
    private sealed class NothingFound : Exception;
}
