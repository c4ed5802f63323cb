using System.ComponentModel;
using Google.Protobuf;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// A finished response message, cached as it goes on the wire. Immutable by contract: the cache
/// hands the same instance to every caller, so nothing may change it after it is built; its bytes
/// are taken once (<see cref="WireBytes"/>) and every call writes them.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedMessage<T>(T message) where T : IMessage<T>, new()
{
    public T Message { get; } = WireBytes.Remember(message);
}
