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
}
