using Microsoft.Extensions.DependencyInjection;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

public sealed class CacheTests
{
    private const string Lookups = "tocmesh.cache.lookups";
    private const string Misses = "tocmesh.cache.misses";

    [Fact]
    public async Task A_cold_report_loads_the_snapshot_once_and_is_one_cached_value_however_its_date_and_instruments_are_asked()
    {
        using var host = new TreatyHost();
        host.WithServices(services => services.AddSingleton<TimeProvider>(new MovableClock(new DateOnly(2009, 10, 7))));
        using var metrics = new MetricRecorder(host.Services, Lookups, Misses);
        var treaty = host.Treaty();
        (double Lookups, double Misses) Counted(string area) => (metrics.Sum(Lookups, "area", area), metrics.Sum(Misses, "area", area));

        // Nothing has been read since the import: the report and the snapshot it is computed from are both cold.
        var today = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { InstrumentIds = { "untoc-som", "untoc-tip" } });
        Assert.Equal((1, 1), Counted("treaty:snapshot"));
        Assert.Equal((1, 1), Counted("treaty:report"));

        // The same report, its date given rather than meant by "today" and its instruments in the other order.
        var sameDay = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "untoc-tip", "untoc-som" } });
        Assert.Equal(today, sameDay);
        Assert.Equal((2, 1), Counted("treaty:report"));
        Assert.Equal((2, 1), Counted("treaty:snapshot"));

        // Duplicates collapse into the same key too: one list of ids, however it is spelled, is one entry.
        var repeated = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "untoc-tip", "untoc-som", "untoc-tip" } });
        Assert.Equal(today, repeated);
        Assert.Equal((3, 1), Counted("treaty:report"));
    }

    [Fact]
    public async Task With_redis_as_second_level_a_read_right_after_a_write_sees_it_and_redis_loss_does_not_fail_reads()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = new TreatyHost();
        host.WithRedis(redis.ConnectionString);
        var treaty = host.Treaty(TestKeys.Secretariat);
        var request = new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } };

        Assert.Equal(21, (await treaty.GetRatificationReportAsync(request)).Tallies[0].ConsentedCount);
        await treaty.RecordTreatyActionAsync(new RecordTreatyActionRequest { StateCode = "DOM", InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(1998, 6, 1) });
        Assert.Equal(22, (await treaty.GetRatificationReportAsync(request)).Tallies[0].ConsentedCount);

        redis.Kill();
        var report = await treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting }).ResponseAsync.WaitAsync(Waits.Hang);
        Assert.Equal(29, report.Tallies[0].ConsentedCount);
    }
}
