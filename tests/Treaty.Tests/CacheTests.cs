using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

public sealed class CacheTests
{
    [Fact]
    public async Task With_redis_as_second_level_a_read_right_after_a_write_sees_it_and_redis_loss_does_not_fail_reads()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = new TreatyHost();
        host.WithRedis(redis.ConnectionString);
        var treaty = host.Treaty(TestKeys.Secretariat);
        var request = new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } };

        Assert.Equal(0, (await treaty.GetRatificationReportAsync(request)).Tallies[0].ConsentedCount);
        await treaty.RecordTreatyActionAsync(new RecordTreatyActionRequest { StateCode = "MEX", InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(1998, 6, 1) });
        Assert.Equal(1, (await treaty.GetRatificationReportAsync(request)).Tallies[0].ConsentedCount);

        redis.Kill();
        var report = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(29, report.Tallies[0].ConsentedCount);
    }
}
