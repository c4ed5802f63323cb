using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;
using Xunit.Abstractions;

namespace TocMesh.Treaty.Tests;

/// <summary>The in-process cache under keys a caller chooses: bounded in bytes, whatever the number of keys.</summary>
public sealed class CacheBoundsTests(ITestOutputHelper output)
{
    private const int Dates = 10_000;

    [Fact]
    public async Task Ten_thousand_distinct_dates_keep_the_in_process_cache_within_its_size_limit()
    {
        const long limit = 1024 * 1024;
        using var host = new TreatyHost();
        host.WithSetting("Caching:LocalSizeLimit", limit.ToString(CultureInfo.InvariantCulture))
            .WithSetting("RateLimits:Enabled", "false"); // the quota has its own test; here every date must reach the cache
        var treaty = host.Treaty();
        var memory = host.Services.GetRequiredService<IMemoryCache>();
        var first = new DateOnly(1990, 1, 1);
        var one = await treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Ate(2009, 10, 7) });
        var afterOne = memory.GetCurrentStatistics()!;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        await Parallel.ForEachAsync(Enumerable.Range(0, Dates), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var asOf = first.AddDays(i);
            var status = await treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Ate(asOf.Year, asOf.Month, asOf.Day) }, cancellationToken: ct);
            Assert.Equal(one.Instruments.Count, status.Instruments.Count);
        });

        var stats = memory.GetCurrentStatistics()!;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(FormattableString.Invariant(
            $"L1 after one status: {afterOne.CurrentEntryCount} entries, {afterOne.CurrentEstimatedSize} bytes; after {Dates} dates: {stats.CurrentEntryCount} entries, {stats.CurrentEstimatedSize} bytes (limit {limit}); managed heap {heapBefore / 1048576.0:F1} MiB -> {heapAfter / 1048576.0:F1} MiB"));

        // The bound: never more bytes than the limit, so never more entries than the limit allows
        // entries of this size (each state status is over 1 KiB serialized: at most 1,024 here).
        Assert.InRange(stats.CurrentEstimatedSize ?? -1, 0, limit);
        Assert.InRange(stats.CurrentEntryCount, 1, 1024);
        // Every date still answers: a full cache stops keeping, it does not stop serving.
        var again = await treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Ate(1990, 1, 1) });
        Assert.Equal(one.Instruments.Count, again.Instruments.Count);
    }
}
