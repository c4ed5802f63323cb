using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// <c>Caching:Coherence=fusion</c>: FusionCache behind <c>HybridCache</c>, with its Redis backplane
/// keeping every replica's in-process level coherent instead of the <see cref="ReplicaBus"/>. Kept
/// beside the bus so both can be measured in one build (the <c>replicas</c> benchmark).
/// </summary>
internal static class FusionCoherence
{
    public static void AddFusionHybridCache(this IServiceCollection services, ServiceIdentity service, IConfiguration configuration, bool withRedis)
    {
        var unsynced = configuration.GetValue("Caching:UnsyncedLocalExpiration", TimeSpan.FromSeconds(5));
        var builder = services.AddFusionCache()
            .WithOptions(options =>
            {
                options.CacheKeyPrefix = $"tocmesh:{service.Name}:";
                options.BackplaneChannelPrefix = $"tocmesh:{service.Name}:fusion";
                // Redis lost: stop trying it for a moment instead of paying a timeout on every call.
                options.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(1);
                options.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(1);
                // After Redis is back, the notifications missed meanwhile are sent again; Redis clients
                // reconnect every 500 ms, so 1 s lets every replica resubscribe first.
                options.AutoRecoveryDelay = TimeSpan.FromSeconds(1);
            })
            .WithDefaultEntryOptions(new FusionCacheEntryOptions
            {
                Duration = TimeSpan.FromMinutes(10),
                MemoryCacheDuration = TimeSpan.FromMinutes(2),
                // A failed factory may be answered with the last value, a few seconds at most.
                IsFailSafeEnabled = true,
                FailSafeMaxDuration = unsynced,
                FailSafeThrottleDuration = TimeSpan.FromSeconds(1),
                // A write returns once its notification is published (as the bus does; it does not
                // wait for the other replicas to apply it).
                AllowBackgroundBackplaneOperations = false,
                // Redis slow or gone never holds a read up.
                DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(500),
                DistributedCacheHardTimeout = TimeSpan.FromSeconds(1),
                // Every memory entry gets its size from SizedMemoryCache.
                Size = 1,
            })
            // The same bounded IMemoryCache the bus mode uses, entries sized in bytes.
            .WithMemoryCache(sp => new SizedMemoryCache(sp.GetRequiredService<IMemoryCache>()))
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new JsonSerializerOptions { Converters = { new CachedMessageJsonConverter() } }));
        if (withRedis)
        {
            builder
                .WithDistributedCache(sp => new RedisCache(Options.Create(new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                })))
                .WithBackplane(sp => new RedisBackplane(
                    Options.Create(new RedisBackplaneOptions
                    {
                        ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                    }),
                    sp.GetRequiredService<ILogger<RedisBackplane>>()));
        }

        builder.AsHybridCache();
    }

    /// <summary>Writes a cached response's protobuf bytes (base64 in FusionCache's JSON envelope).</summary>
    private sealed class CachedMessageJsonConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(CachedMessage<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

        private sealed class Converter<TMessage> : JsonConverter<CachedMessage<TMessage>> where TMessage : IMessage<TMessage>, new()
        {
            private static readonly MessageParser<TMessage> Parser = new(() => new TMessage());

            public override CachedMessage<TMessage> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                new(Parser.ParseFrom(reader.GetBytesFromBase64()));

            public override void Write(Utf8JsonWriter writer, CachedMessage<TMessage> value, JsonSerializerOptions options) =>
                writer.WriteBase64StringValue(WireBytes.TryGet(value.Message, out var bytes) ? bytes : value.Message.ToByteArray());
        }
    }

    /// <summary>
    /// Gives every FusionCache memory entry its size in bytes (protobuf size of a cached response,
    /// JSON size of anything else), as HybridCache does with the serialized size, so
    /// <c>Caching:LocalSizeLimit</c> bounds both modes alike.
    /// </summary>
    private sealed class SizedMemoryCache(IMemoryCache inner) : IMemoryCache
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo?> ValueOf = new();

        public ICacheEntry CreateEntry(object key) => new SizedEntry(inner.CreateEntry(key));

        public void Dispose() => inner.Dispose();

        public void Remove(object key) => inner.Remove(key);

        public bool TryGetValue(object key, out object? value) => inner.TryGetValue(key, out value);

        private static long SizeOf(object? value)
        {
            // FusionCache keeps its own (internal) entry around the value.
            var inside = value is null ? null : ValueOf.GetOrAdd(value.GetType(), t => t.GetProperty("Value", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))?.GetValue(value) ?? value;
            return inside switch
            {
                null => 64,
                ICachedMessage cached => Math.Max(64, WireBytes.TryGet(cached.Message, out var bytes) ? bytes.Length : cached.Message.CalculateSize()),
                string text => 64 + (text.Length * 2),
                _ => Math.Max(64, JsonSerializer.SerializeToUtf8Bytes(inside, inside.GetType()).LongLength),
            };
        }

        private sealed class SizedEntry(ICacheEntry inner) : ICacheEntry
        {
            public object Key => inner.Key;

            public object? Value { get => inner.Value; set => inner.Value = value; }

            public DateTimeOffset? AbsoluteExpiration { get => inner.AbsoluteExpiration; set => inner.AbsoluteExpiration = value; }

            public TimeSpan? AbsoluteExpirationRelativeToNow { get => inner.AbsoluteExpirationRelativeToNow; set => inner.AbsoluteExpirationRelativeToNow = value; }

            public TimeSpan? SlidingExpiration { get => inner.SlidingExpiration; set => inner.SlidingExpiration = value; }

            public IList<IChangeToken> ExpirationTokens => inner.ExpirationTokens;

            public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks => inner.PostEvictionCallbacks;

            public CacheItemPriority Priority { get => inner.Priority; set => inner.Priority = value; }

            public long? Size { get => inner.Size; set => inner.Size = value; }

            public void Dispose()
            {
                inner.Size = SizeOf(inner.Value);
                inner.Dispose();
            }
        }
    }
}
