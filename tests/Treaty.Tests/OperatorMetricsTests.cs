using System.Diagnostics;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>What an operator sees of Treaty in the dashboard: data-quality findings, report render time, cache hits.</summary>
public sealed class OperatorMetricsTests
{
    private const string Findings = "tocmesh.treaty.data_quality.findings";
    private const string Render = "tocmesh.report.render.duration";

    [Fact]
    public async Task The_findings_gauge_gives_the_listed_findings_by_rule_and_severity()
    {
        using var host = new TreatyHost();
        using var metrics = new MetricRecorder(host.Services, Findings);
        var listed = new List<DataQualityFinding>();
        var request = new ListDataQualityFindingsRequest { PageSize = 100 };
        do
        {
            var page = await host.Treaty().ListDataQualityFindingsAsync(request);
            listed.AddRange(page.Findings);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        var gauge = await metrics.ObserveAsync(Findings, r => r.Count > 0);

        Assert.NotEmpty(listed);
        Assert.Equal(
            listed.GroupBy(f => (f.Rule, f.Severity.ToString())).ToDictionary(g => g.Key, g => (double)g.Count()),
            gauge.ToDictionary(m => (m.Tag("rule"), m.Tag("severity")), m => m.Value));
    }

    [Fact]
    public async Task A_rendered_ratification_report_is_timed_once_and_served_from_the_cache_after()
    {
        using var host = new TreatyHost();
        await host.Treaty().ListInstrumentsAsync(new ListInstrumentsRequest()); // started and imported
        using var metrics = new MetricRecorder(host.Services, Render, "tocmesh.cache.lookups", "tocmesh.cache.misses");
        var request = new GetRatificationReportRequest { AsOf = new Google.Type.Date { Year = 2009, Month = 10, Day = 7 } };

        var call = Stopwatch.StartNew();
        await host.Treaty().GetRatificationReportAsync(request);
        call.Stop();
        await host.Treaty().GetRatificationReportAsync(request);
        var rendered = Assert.Single(metrics.Of(Render));
        Assert.Equal(("ratification", "False"), (rendered.Tag("report"), rendered.Tag("partial")));
        // In seconds, and no longer than the call that rendered it took as its caller saw it.
        Assert.InRange(rendered.Value, 0, call.Elapsed.TotalSeconds);
        Assert.Equal(2, metrics.Sum("tocmesh.cache.lookups", "area", "treaty:report"));
        Assert.Equal(1, metrics.Sum("tocmesh.cache.misses", "area", "treaty:report"));

        request.AsOf.Year = 2019;
        await host.Treaty().GetRatificationReportAsync(request);
        Assert.Equal(2, metrics.Of(Render).Count);
    }
}
