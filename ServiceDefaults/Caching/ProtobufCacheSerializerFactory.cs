using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.ServiceDefaults.Caching;

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
