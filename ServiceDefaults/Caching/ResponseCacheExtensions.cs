using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Caching;

public static class ResponseCacheExtensions
{
    /// <summary>
    /// The response for <paramref name="key"/>, built once by <paramref name="build"/> and then served
    /// from the cache (one shared instance in process, protobuf bytes in Redis) until a write removes
    /// one of its <paramref name="tags"/>. Only for responses that do not depend on the caller.
    /// </summary>
    public static ValueTask<T> GetOrCreateResponseAsync<TState, T>(
        this HybridCache cache, string key, TState state, Func<TState, CancellationToken, ValueTask<T>> build,
        IEnumerable<string> tags, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var cached = cache.GetOrCreateAsync(
            key,
            (State: state, Build: build),
            static async (s, ct) => new CachedMessage<T>(await s.Build(s.State, ct)),
            tags: tags,
            cancellationToken: cancellationToken);
        // A hit completes at once: answered without an async state machine.
        return cached.IsCompletedSuccessfully ? new ValueTask<T>(cached.Result.Message) : MessageAsync(cached);
    }

    private static async ValueTask<T> MessageAsync<T>(ValueTask<CachedMessage<T>> cached)
        where T : IMessage<T>, new() =>
        (await cached).Message;
}
