using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// The second cache level, made optional at run time: while Redis is unreachable every operation is
/// a miss or a no-op (the caller then reads its database), and nothing waits on a dead socket.
/// </summary>
public sealed partial class ResilientDistributedCache(
    IBufferDistributedCache inner, IConnectionMultiplexer redis, ILogger<ResilientDistributedCache> logger)
    : IBufferDistributedCache
{
    private long _lastWarningTicks;

    private bool Available => redis.IsConnected;

    public byte[]? Get(string key) => Available ? Guard(() => inner.Get(key), null) : null;

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        Available ? await GuardAsync(() => inner.GetAsync(key, token), null) : null;

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        if (Available)
        {
            Guard(() => { inner.Set(key, value, options); return true; }, false);
        }
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (Available)
        {
            await GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false);
        }
    }

    public void Refresh(string key)
    {
        if (Available)
        {
            Guard(() => { inner.Refresh(key); return true; }, false);
        }
    }

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        if (Available)
        {
            await GuardAsync(async () => { await inner.RefreshAsync(key, token); return true; }, false);
        }
    }

    public void Remove(string key)
    {
        if (Available)
        {
            Guard(() => { inner.Remove(key); return true; }, false);
        }
    }

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (Available)
        {
            await GuardAsync(async () => { await inner.RemoveAsync(key, token); return true; }, false);
        }
    }

    public bool TryGet(string key, IBufferWriter<byte> destination) =>
        Available && Guard(() => inner.TryGet(key, destination), false);

    public async ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        Available && await GuardAsync(() => inner.TryGetAsync(key, destination, token).AsTask(), false);

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options)
    {
        if (Available)
        {
            Guard(() => { inner.Set(key, value, options); return true; }, false);
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (Available)
        {
            await GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false);
        }
    }

    private T Guard<T>(Func<T> operation, T fallback)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Warn(e);
            return fallback;
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, T fallback)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Warn(e);
            return fallback;
        }
    }

    // One warning every 30 s at most: an outage must not flood the logs.
    private void Warn(Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last > 30_000 && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            LogRedisUnavailable(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Error}); serving from L1 and the database")]
    private static partial void LogRedisUnavailable(ILogger logger, string error);
}
