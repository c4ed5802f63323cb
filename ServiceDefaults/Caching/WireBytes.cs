using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// The protobuf bytes of response messages that the cache shares between calls, serialized once:
/// a shared response goes on the wire as these bytes (<see cref="WireBytesBinding{TService}"/>)
/// instead of being serialized again on every call. Held only as long as the message itself.
/// </summary>
public static class WireBytes
{
    private static readonly ConditionalWeakTable<IMessage, byte[]> Serialized = new();

    /// <summary>
    /// Records <paramref name="message"/>'s bytes, once. The message must not change afterwards: it
    /// is shared (the cache's contract), and the bytes are what every caller receives.
    /// </summary>
    public static T Remember<T>(T message) where T : IMessage
    {
        Serialized.TryAdd(message, message.ToByteArray());
        return message;
    }

    /// <summary>The recorded bytes of this very instance, if any.</summary>
    public static bool TryGet(IMessage message, out byte[] bytes) => Serialized.TryGetValue(message, out bytes!);
}
