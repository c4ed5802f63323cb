using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// What the replicas of one service tell each other, over one Redis pub/sub channel per service
/// (<c>tocmesh:&lt;service&gt;:invalidate</c>): cache invalidations after a commit, and change notices.
/// A replica applies the messages of the others and ignores its own. Pub/sub forgets what it sent
/// while a replica was disconnected, so on every reconnection the replica resynchronizes
/// (<see cref="OnResync"/>: the cache flushes its in-process level), and a replica that failed to
/// publish asks every other to resynchronize too. Without Redis the bus is silent: one replica
/// needs nothing more; several replicas then rely on short in-process lifetimes (see
/// <see cref="ReplicatedHybridCache"/>).
/// </summary>
public sealed partial class ReplicaBus : IDisposable
{
    private const string ResyncTopic = "resync";
    private readonly IConnectionMultiplexer? _redis;
    private readonly ILogger<ReplicaBus> _logger;
    private readonly RedisChannel _channel;
    private readonly RedisChannel _appliedChannel;
    private readonly ConcurrentDictionary<string, Confirmation> _awaiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<IReadOnlyList<string>, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Func<Task>> _resyncHandlers = [];
    private int _subscribed;
    private int _leaving;
    private int _missedPublish;
    private int _disconnected;

    public ReplicaBus(ServiceIdentity service, ILogger<ReplicaBus> logger, IConnectionMultiplexer? redis = null)
    {
        _redis = redis;
        _logger = logger;
        _channel = RedisChannel.Literal($"tocmesh:{service.Name}:invalidate");
        _appliedChannel = RedisChannel.Literal($"tocmesh:{service.Name}:applied");
        if (_redis is not null)
        {
            _redis.ConnectionFailed += OnConnectionFailed;
            _redis.ConnectionRestored += OnConnectionRestored;
        }
    }

    /// <summary>This replica's name on the bus; a message carrying it is one of ours.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether a Redis is configured for the bus at all.</summary>
    public bool IsConfigured => _redis is not null;

    /// <summary>How long a publisher waits for the other replicas to confirm they applied a message.</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Subscribed and connected: messages of the other replicas reach this one.</summary>
    public bool IsListening => _redis is not null && Volatile.Read(ref _subscribed) == 1 && Volatile.Read(ref _disconnected) == 0 && _redis.IsConnected;

    /// <summary>Messages on <paramref name="topic"/> from the other replicas go to <paramref name="handler"/>.</summary>
    public void On(string topic, Func<IReadOnlyList<string>, Task> handler)
    {
        if (!_handlers.TryAdd(topic, handler))
        {
            throw new InvalidOperationException($"The replica bus topic '{topic}' already has a handler.");
        }
    }

    /// <summary>
    /// Runs after this replica may have missed messages (a reconnection, or another replica that
    /// could not publish): whatever is kept in memory from the other replicas' writes must be dropped.
    /// </summary>
    public void OnResync(Func<Task> handler) => _resyncHandlers.Add(handler);

    /// <summary>
    /// Tells the other replicas; never fails the caller (the write is committed already). With
    /// <paramref name="confirmed"/>, returns once every replica listening has applied the message
    /// (or after <see cref="ConfirmationTimeout"/>), so a read sent to any replica after the write
    /// returned cannot see what the message removes. A message that cannot be sent is remembered:
    /// the other replicas are asked to resynchronize on reconnection.
    /// </summary>
    public async Task PublishAsync(string topic, IReadOnlyCollection<string> items, bool confirmed = false)
    {
        if (_redis is null || items.Count == 0)
        {
            return;
        }

        var id = confirmed ? Guid.NewGuid().ToString("N") : "";
        var confirmation = confirmed ? _awaiting.GetOrAdd(id, _ => new Confirmation()) : null;
        try
        {
            // Every subscriber of the channel received it, this replica included when subscribed.
            var receivers = await _redis.GetSubscriber().PublishAsync(_channel, Encode(Origin, id, topic, items));
            var others = (int)receivers - Volatile.Read(ref _subscribed);
            if (confirmation is not null && others > 0 && !await confirmation.WaitAsync(others, ConfirmationTimeout))
            {
                LogUnconfirmed(_logger, topic, others, ConfirmationTimeout.TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Interlocked.Exchange(ref _missedPublish, 1);
            LogPublishFailed(_logger, topic, e.GetType().Name);
        }
        finally
        {
            if (confirmed)
            {
                _awaiting.TryRemove(id, out _);
            }
        }
    }

    internal bool IsSubscribed => Volatile.Read(ref _subscribed) == 1;

    /// <summary>Subscribes after a start without Redis: what was cached meanwhile is dropped.</summary>
    internal async Task SubscribeLateAsync()
    {
        if (_redis is { IsConnected: true } && !IsSubscribed)
        {
            await StartAsync();
            if (IsSubscribed)
            {
                await ResyncLoggedAsync();
            }
        }
    }

    /// <summary>Subscribes; when Redis is down now, the subscription is made on reconnection.</summary>
    public async Task StartAsync()
    {
        if (_redis is null || Volatile.Read(ref _subscribed) == 1 || Volatile.Read(ref _leaving) == 1)
        {
            return;
        }

        try
        {
            var queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
            if (Interlocked.Exchange(ref _subscribed, 1) == 1)
            {
                await queue.UnsubscribeAsync();
                return;
            }

            // One message at a time, in the order published.
            queue.OnMessage(message => ReceiveAsync(message.Message));
            var applied = await _redis.GetSubscriber().SubscribeAsync(_appliedChannel);
            applied.OnMessage(message => Confirmed(message.Message));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogSubscribeFailed(_logger, e.GetType().Name);
        }
    }

    /// <summary>
    /// The replica is shutting down (e.g. SIGTERM on a scale-down): it stops listening at once, so the
    /// writes of the others no longer wait for its confirmation while it drains, and it drops what it
    /// kept in memory; from then on its new in-process entries are short-lived (it is not listening).
    /// </summary>
    public async Task LeaveAsync()
    {
        if (_redis is null || Interlocked.Exchange(ref _leaving, 1) == 1)
        {
            return;
        }

        try
        {
            if (Interlocked.Exchange(ref _subscribed, 0) == 1)
            {
                await _redis.GetSubscriber().UnsubscribeAsync(_channel);
                await _redis.GetSubscriber().UnsubscribeAsync(_appliedChannel);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Disconnected already: Redis dropped the subscription with the connection.
        }

        await ResyncLoggedAsync();
    }

    public void Dispose()
    {
        if (_redis is not null)
        {
            _redis.ConnectionFailed -= OnConnectionFailed;
            _redis.ConnectionRestored -= OnConnectionRestored;
        }
    }

    // origin, message id (empty when no confirmation is wanted), topic, items: one per line.
    private static string Encode(string origin, string id, string topic, IEnumerable<string> items) =>
        string.Join('\n', [origin, id, topic, .. items]);

    private async Task ReceiveAsync(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split('\n');
        if (parts.Length < 3 || parts[0] == Origin)
        {
            return;
        }

        var (origin, id, topic) = (parts[0], parts[1], parts[2]);
        try
        {
            if (topic == ResyncTopic)
            {
                await ResyncAsync();
            }
            else if (_handlers.TryGetValue(topic, out var handler))
            {
                await handler(parts[3..]);
            }
        }
        catch (Exception e)
        {
            LogApplyFailed(_logger, topic, e);
        }

        if (id.Length > 0 && _redis is not null)
        {
            try
            {
                await _redis.GetSubscriber().PublishAsync(_appliedChannel, $"{origin}\n{id}");
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The publisher stops waiting after its timeout.
            }
        }
    }

    private void Confirmed(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split('\n');
        if (parts.Length == 2 && parts[0] == Origin && _awaiting.TryGetValue(parts[1], out var confirmation))
        {
            confirmation.Add();
        }
    }

    // From now on nothing of the other replicas reaches us: what we kept may go stale, so drop it now
    // (and again on reconnection); meanwhile the cache keeps new entries only briefly.
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) == 0)
        {
            // Once per outage, however often the reconnection fails meanwhile.
            LogConnectionLost(_logger, e.FailureType.ToString());
            _ = ResyncLoggedAsync();
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _ = RestoreAsync();

    private async Task RestoreAsync()
    {
        try
        {
            await StartAsync();
            if (Interlocked.Exchange(ref _disconnected, 0) == 1)
            {
                LogConnectionRestored(_logger);
            }

            await ResyncAsync();
            if (Interlocked.Exchange(ref _missedPublish, 0) == 1)
            {
                await PublishAsync(ResyncTopic, [Origin], confirmed: true);
            }
        }
        catch (Exception e)
        {
            LogApplyFailed(_logger, ResyncTopic, e);
        }
    }

    private async Task ResyncLoggedAsync()
    {
        try
        {
            await ResyncAsync();
        }
        catch (Exception e)
        {
            LogApplyFailed(_logger, ResyncTopic, e);
        }
    }

    private async Task ResyncAsync()
    {
        LogResync(_logger);
        foreach (var handler in _resyncHandlers)
        {
            await handler();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas ({Topic}): {Error}; they are asked to resynchronize when Redis is back")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not every replica confirmed {Topic} within {TimeoutMs} ms (waited for {Replicas}); a slow replica may serve its cached copy until it applies it")]
    private static partial void LogUnconfirmed(ILogger logger, string topic, int replicas, double timeoutMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the other replicas' messages ({Error}); retried when Redis is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message of another replica ({Topic}) could not be applied")]
    private static partial void LogApplyFailed(ILogger logger, string topic, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached ({Failure}): serving from this replica's memory and the database until it is back")]
    private static partial void LogConnectionLost(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again")]
    private static partial void LogConnectionRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Messages of other replicas may have been missed: dropping what this replica kept in memory")]
    private static partial void LogResync(ILogger logger);
}
