using System.Diagnostics;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task Reads_keep_succeeding_while_redis_is_killed_and_after_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = new DirectoryHost().WithRedis(redis.ConnectionString);
        var directory = ((DirectoryHost)host).Directory();
        var days = new ReadDays();

        Assert.Equal(35, (await directory.ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);
        var withRedis = await TimeReadsAsync(directory, days);

        redis.Kill();
        var withoutRedis = await TimeReadsAsync(directory, days);

        // A read that waited on the dead Redis would wait at least its command timeout (a second):
        // the reads of the outage took nowhere near that much more than the same reads before it.
        var waitedOnRedis = Reads * TimeSpan.FromSeconds(1);
        Assert.True(withoutRedis < 3 * withRedis + waitedOnRedis / 2,
            $"{Reads} reads took {withoutRedis.TotalMilliseconds:F0} ms without Redis, {withRedis.TotalMilliseconds:F0} ms with it");

        await redis.RestartAsync();
        Assert.Equal(35, (await directory.ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);
    }

    [Fact]
    public async Task After_redis_returns_on_the_same_port_reads_fill_it_again_and_another_replica_is_served_from_it()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = new DirectoryHost().WithRedis(redis.ConnectionString);
        var directory = ((DirectoryHost)host).Directory();
        var days = new ReadDays();
        ListMemberStatesRequest OnNextDay() => days.Next();

        await directory.ListMemberStatesAsync(OnNextDay());
        Assert.True((await redis.StatsAsync()).Keys > 0, "the second level was not used before the outage");

        redis.Kill();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(35, (await directory.ListMemberStatesAsync(OnNextDay())).TotalSize);
        }

        // A new, empty Redis on the same port: the service reconnects by itself and its reads fill it again.
        await redis.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ListMemberStatesRequest cached;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the service did not write to Redis within 60 s of its return");
            cached = OnNextDay();
            Assert.Equal(35, (await directory.ListMemberStatesAsync(cached)).TotalSize);
            await Task.Delay(200);
        }
        while ((await redis.StatsAsync()).Keys == 0);

        // Another replica, with an empty in-process cache, is answered from Redis for the same read.
        using var replica = new DirectoryHost().WithRedis(redis.ConnectionString);
        _ = replica.Server; // started, with whatever it reads on start already read
        var hitsBefore = (await redis.StatsAsync()).Hits;
        Assert.Equal(35, (await ((DirectoryHost)replica).Directory().ListMemberStatesAsync(cached)).TotalSize);
        Assert.True((await redis.StatsAsync()).Hits > hitsBefore, "the replica's read did not hit Redis");
    }

    private const int Reads = 20;

    /// <summary>Reads of the register as of days not read before: each misses the in-process cache and looks in Redis.</summary>
    private static async Task<TimeSpan> TimeReadsAsync(DirectoryService.DirectoryServiceClient directory, ReadDays days)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Reads; i++)
        {
            Assert.Equal(35, (await directory.ListMemberStatesAsync(days.Next())).TotalSize);
        }

        return clock.Elapsed;
    }

    /// <summary>A request for the register as of the next day, from 2 January 2001 on.</summary>
    private sealed class ReadDays
    {
        private DateOnly _day = new(2001, 1, 1);

        public ListMemberStatesRequest Next()
        {
            _day = _day.AddDays(1);
            return new ListMemberStatesRequest { AsOf = new Google.Type.Date { Year = _day.Year, Month = _day.Month, Day = _day.Day } };
        }
    }
}
