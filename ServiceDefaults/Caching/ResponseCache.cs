using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// A finished response message, cached as it goes on the wire. Immutable by contract: the cache
/// hands the same instance to every caller, so nothing may change it after it is built.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedMessage<T>(T message) where T : IMessage<T>, new()
{
    public T Message { get; } = message;
}

/// <summary>Stores <see cref="CachedMessage{T}"/> in the second level as protobuf bytes.</summary>
public sealed class ProtobufCacheSerializerFactory : IHybridCacheSerializerFactory
{
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        if (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(CachedMessage<>))
        {
            serializer = (IHybridCacheSerializer<T>)Activator.CreateInstance(typeof(Serializer<>).MakeGenericType(typeof(T).GetGenericArguments()[0]))!;
            return true;
        }

        serializer = null;
        return false;
    }

    private sealed class Serializer<TMessage> : IHybridCacheSerializer<CachedMessage<TMessage>> where TMessage : IMessage<TMessage>, new()
    {
        private static readonly MessageParser<TMessage> Parser = new(() => new TMessage());

        public CachedMessage<TMessage> Deserialize(ReadOnlySequence<byte> source) => new(Parser.ParseFrom(source));

        public void Serialize(CachedMessage<TMessage> value, IBufferWriter<byte> target) => value.Message.WriteTo(target);
    }
}

public static class ResponseCacheExtensions
{
    /// <summary>
    /// The response for <paramref name="key"/>, built once by <paramref name="build"/> and then served
    /// from the cache (one shared instance in process, protobuf bytes in Redis) until a write removes
    /// one of its <paramref name="tags"/>. Only for responses that do not depend on the caller.
    /// </summary>
    public static async ValueTask<T> GetOrCreateResponseAsync<TState, T>(
        this HybridCache cache, string key, TState state, Func<TState, CancellationToken, ValueTask<T>> build,
        IEnumerable<string> tags, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var cached = await cache.GetOrCreateAsync(
            key,
            (State: state, Build: build),
            static async (s, ct) => new CachedMessage<T>(await s.Build(s.State, ct)),
            tags: tags,
            cancellationToken: cancellationToken);
        return cached.Message;
    }
}
