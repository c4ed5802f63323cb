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

        Assert.Equal(35, (await directory.ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);

        redis.Kill();
        for (var i = 0; i < 50; i++)
        {
            var started = DateTime.UtcNow;
            var response = await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
            Assert.Equal("MEX", response.MemberState.Code);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "a read waited on the dead Redis");
        }

        await redis.RestartAsync();
        Assert.Equal(35, (await directory.ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);
    }

    [Fact]
    public async Task After_redis_returns_on_the_same_port_reads_fill_it_again_and_another_replica_is_served_from_it()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = new DirectoryHost().WithRedis(redis.ConnectionString);
        var directory = ((DirectoryHost)host).Directory();
        var day = new DateOnly(2001, 1, 1);
        ListMemberStatesRequest OnNextDay()
        {
            day = day.AddDays(1);
            return new ListMemberStatesRequest { AsOf = new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day } };
        }

        await directory.ListMemberStatesAsync(OnNextDay());
        Assert.True((await redis.StatsAsync()).Keys > 0, "the second level was not used before the outage");

        redis.Kill();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(35, (await directory.ListMemberStatesAsync(OnNextDay()).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(2))).TotalSize);
        }

        // A new, empty Redis on the same port: the service reconnects by itself and its reads fill it again.
        await redis.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        ListMemberStatesRequest cached;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the service did not write to Redis within 20 s of its return");
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
}
