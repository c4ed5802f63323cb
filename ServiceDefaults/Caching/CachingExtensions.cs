using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TocMesh.ServiceDefaults.Caching;

public static class CachingExtensions
{
    /// <summary>The connection string name Aspire gives the Redis resource.</summary>
    public const string RedisConnectionName = MeshResources.Cache;

    /// <summary>The in-process cache's default bound, in bytes of serialized entries (<c>Caching:LocalSizeLimit</c>).</summary>
    public const long DefaultLocalSizeLimit = 64L * 1024 * 1024;

    /// <summary>
    /// HybridCache for every read path: in-process L1 always; Redis as L2 when a <c>cache</c>
    /// connection string exists. Redis down or absent never fails a read (see <see cref="ResilientDistributedCache"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceCaching(this IHostApplicationBuilder builder, ServiceIdentity service)
    {
        builder.Services.AddHybridCache(options =>
        {
            options.DefaultEntryOptions = new HybridCacheEntryOptions
            {
                Expiration = TimeSpan.FromMinutes(10),
                LocalCacheExpiration = TimeSpan.FromMinutes(2),
            };
            options.MaximumPayloadBytes = 8 * 1024 * 1024;
        }).AddSerializerFactory<ProtobufCacheSerializerFactory>();
        // The in-process level (HybridCache's L1 is this IMemoryCache) is bounded in bytes: HybridCache
        // gives every entry its serialized size, and past the limit new entries are not kept (the
        // cache compacts a quarter, least recently used first). Keys built from caller input (dates,
        // ids) can therefore not grow the process without limit.
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<MemoryCacheOptions>().Configure(options =>
        {
            options.SizeLimit = builder.Configuration.GetValue("Caching:LocalSizeLimit", DefaultLocalSizeLimit);
            options.CompactionPercentage = 0.25;
            options.TrackStatistics = true;
        });
        builder.Services.AddReplicatedHybridCache(builder.Configuration);

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName)))
        {
            builder.Services.AddSingleton(sp => new ReplicaBus(service, sp.GetRequiredService<ILogger<ReplicaBus>>()));
            return builder;
        }

        builder.AddRedisClient(RedisConnectionName,
            settings =>
            {
                // Ours below (Redis down degrades, it does not fail), and ours in the telemetry.
                settings.DisableHealthChecks = true;
                settings.DisableTracing = true;
            },
            options =>
            {
                // The client's own log calls a connection it has not made yet an error; Redis is
                // optional here, and the replica bus says when it is lost and back.
                options.LoggerFactory = NullLoggerFactory.Instance;
                // Never block start-up or a call on Redis: fail fast, reconnect in the background.
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 2000;
                options.SyncTimeout = 1000;
                options.AsyncTimeout = 1000;
                options.ConnectRetry = 1;
                options.BacklogPolicy = BacklogPolicy.FailFast;
                options.ReconnectRetryPolicy = new LinearRetry(500);
            });

        builder.Services.AddSingleton(sp => new ReplicaBus(
            service, sp.GetRequiredService<ILogger<ReplicaBus>>(), sp.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddHostedService<ReplicaBusSubscription>();

        builder.Services.AddSingleton<IDistributedCache>(sp =>
        {
            var redis = sp.GetRequiredService<IConnectionMultiplexer>();
            var redisCache = new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(redis),
                InstanceName = $"tocmesh:{service.Name}:",
            }));
            return new ResilientDistributedCache(redisCache, redis, sp.GetRequiredService<ILogger<ResilientDistributedCache>>());
        });

        // Redis is optional: its loss degrades the service, it does not make it unhealthy.
        builder.Services.AddHealthChecks().AddRedis(
            sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", failureStatus: HealthStatus.Degraded,
            tags: ["cache"], timeout: TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>
    /// Wraps the HybridCache that <c>AddHybridCache</c> registered in a <see cref="ReplicatedHybridCache"/>,
    /// so every service's removals reach the other replicas without the service doing anything.
    /// <c>Caching:Replicas</c> (default 1) says how many replicas run; with several and no Redis, L1
    /// entries live at most <c>Caching:UnsyncedLocalExpiration</c> (default 5 s), which bounds staleness.
    /// </summary>
    private static void AddReplicatedHybridCache(this IServiceCollection services, IConfiguration configuration)
    {
        var replicas = configuration.GetValue("Caching:Replicas", 1);
        var unsynced = configuration.GetValue("Caching:UnsyncedLocalExpiration", TimeSpan.FromSeconds(5));
        var negative = configuration.GetValue("Caching:NegativeExpiration", TimeSpan.FromSeconds(5));
        services.Decorate<HybridCache>((local, sp) => new ReplicatedHybridCache(local, sp.GetRequiredService<ReplicaBus>(), replicas, unsynced, negative));
    }
}
