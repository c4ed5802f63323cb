using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

public class RatificationReportTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private static readonly string[] Palermo = ["untoc", "untoc-tip", "untoc-som", "untoc-firearms"];

    private TreatyService.TreatyServiceClient Treaty => fixture.Host.Treaty();

    private Task<GetRatificationReportResponse> ReportAsync(Google.Type.Date asOf, ReportScope scope = ReportScope.Unspecified, params string[] ids)
    {
        var request = new GetRatificationReportRequest { AsOf = asOf, Scope = scope };
        request.InstrumentIds.AddRange(ids.Length == 0 ? Palermo : ids);
        return Treaty.GetRatificationReportAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task As_of_the_second_meeting_the_report_gives_the_figures_the_meeting_heard_in_its_words()
    {
        var report = await ReportAsync(D.Meeting);

        Assert.Equal(ReportScope.CountedMembers, report.Scope);
        Assert.Equal(34, report.StatesInScope);
        Assert.Equal(["CUB: not participating"], report.Excluded);
        Assert.Equal("the 34 member states other than Cuba, whose government did not take part", report.ScopeDescription);
        Assert.Equal(Palermo, report.Tallies.Select(t => t.Instrument.Id));
        Assert.Equal([29, 28, 26, 19], report.Tallies.Select(t => t.ConsentedCount));
        foreach (var tally in report.Tallies)
        {
            // Computed from the per-state rows: the codes add up to the count and to the scope.
            Assert.Equal(tally.ConsentedCount, tally.ConsentedStateCodes.Count);
            Assert.Equal(34, tally.ConsentedStateCodes.Count + tally.NotConsentedStateCodes.Count);
            Assert.DoesNotContain("CUB", tally.ConsentedStateCodes.Concat(tally.NotConsentedStateCodes));
        }

        Assert.Equal(
        [
            "Twenty-nine OAS member states had ratified or acceded to the Convention.",
            "Twenty-eight member states had ratified or acceded to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.",
            "Twenty-six member states had ratified or acceded to the Protocol against the Smuggling of Migrants by Land, Sea and Air.",
            "Nineteen member states had ratified or acceded to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition.",
        ], report.Tallies.Select(t => t.Sentence));
        Assert.EndsWith(
            "Twenty-six member states had ratified or acceded to the Protocol against the Smuggling of Migrants by Land, Sea and Air, and nineteen member states had ratified or acceded to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition.",
            report.Paragraph);
    }

    [Fact]
    public async Task Honduras_suspended_in_2009_is_counted_and_Ecuador_had_only_signed_the_firearms_protocol()
    {
        var report = await ReportAsync(D.Meeting);
        var firearms = report.Tallies.Single(t => t.Instrument.Id == "untoc-firearms");
        Assert.Contains("HND", firearms.ConsentedStateCodes);
        Assert.Contains("ECU", firearms.NotConsentedStateCodes);
        Assert.Contains("ECU", firearms.SignedOnlyStateCodes);
        Assert.Contains("CAN", firearms.SignedOnlyStateCodes);
        Assert.DoesNotContain("VCT", firearms.SignedOnlyStateCodes);
    }

    [Fact]
    public async Task Over_all_member_states_the_meeting_date_counts_Cuba_too()
    {
        var report = await ReportAsync(D.Meeting, ReportScope.AllMembers);
        Assert.Equal(35, report.StatesInScope);
        Assert.Empty(report.Excluded);
        Assert.Equal([30, 28, 26, 20], report.Tallies.Select(t => t.ConsentedCount));
        Assert.Equal("Thirty OAS member states had ratified or acceded to the Convention.", report.Tallies[0].Sentence);
    }

    [Theory]
    [InlineData(2003, 1, 1, ReportScope.CountedMembers, new[] { 7, 5, 4, 0 })]
    [InlineData(2011, 12, 31, ReportScope.CountedMembers, new[] { 31, 31, 29, 23 })]
    [InlineData(2011, 12, 31, ReportScope.AllMembers, new[] { 32, 31, 29, 24 })]
    [InlineData(2014, 1, 1, ReportScope.CountedMembers, new[] { 33, 33, 30, 26 })]
    [InlineData(2014, 1, 1, ReportScope.AllMembers, new[] { 34, 34, 31, 27 })]
    public async Task The_counts_at_other_dates_follow_the_deposits(int year, int month, int day, ReportScope scope, int[] expected)
    {
        var report = await ReportAsync(D.Ate(year, month, day), scope);
        Assert.Equal(expected, report.Tallies.Select(t => t.ConsentedCount));
    }

    [Fact]
    public async Task A_count_of_none_reads_no_member_state_and_a_state_that_withdrew_from_the_organization_is_out_of_scope()
    {
        var early = await ReportAsync(D.Ate(2003, 1, 1));
        Assert.Equal("No member state had ratified or acceded to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition.", early.Tallies[3].Sentence);

        var later = await ReportAsync(D.Ate(2020, 1, 1), ReportScope.AllMembers);
        Assert.Equal(34, later.StatesInScope);
        Assert.Contains("VEN: withdrawn", later.Excluded);
    }

    [Fact]
    public async Task A_report_of_the_protocols_alone_names_the_organization_in_its_first_sentence()
    {
        var report = await ReportAsync(D.Meeting, ReportScope.Unspecified, "untoc-som", "untoc-tip");
        Assert.Equal(["untoc-tip", "untoc-som"], report.Tallies.Select(t => t.Instrument.Id));
        Assert.StartsWith("Twenty-eight OAS member states had ratified", report.Tallies[0].Sentence);
    }

    [Fact]
    public async Task The_gaps_of_the_published_A55_table_travel_with_its_tally()
    {
        var report = await ReportAsync(D.Meeting, ReportScope.Unspecified, "a-55");
        var tally = Assert.Single(report.Tallies);
        Assert.Contains(tally.DataCaveats, c => c.StartsWith("URY: No data", StringComparison.Ordinal));
        Assert.Contains(tally.DataCaveats, c => c.StartsWith("VEN: No data", StringComparison.Ordinal));
        // The table's gaps are covered at that date by other sources: Venezuela was listed as having
        // ratified by 2001-06-05 (the twenty-fifth), Uruguay said in 2010 it had not ratified.
        Assert.Equal(V1.CoverageLevel.Full, tally.Coverage.Level);
        Assert.Equal("Twenty-five OAS member states had ratified or acceded to the Inter-American Convention on Mutual Assistance in Criminal Matters.", tally.Sentence);
    }

    [Fact]
    public async Task An_unknown_instrument_or_an_impossible_date_is_invalid_argument()
    {
        await RpcAssert.InvalidArgumentAsync(() => ReportAsync(D.Meeting, ReportScope.Unspecified, "untoc", "palermo"), "instrument_ids");
        await RpcAssert.InvalidArgumentAsync(() => ReportAsync(D.Ate(2009, 2, 30)), "as_of");
    }

    [Fact]
    public async Task The_report_is_computed_in_memory_in_less_time_than_one_load_of_what_it_is_computed_from()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TreatyDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<TreatyStatusReader>();
        var meeting = new DateOnly(2009, 10, 7);
        var register = await reader.RegisterOnAsync(meeting, CancellationToken.None);

        // The baseline is measured here, under whatever else the machine is doing: one load of the
        // snapshot from the database, against one report from a snapshot in memory. Interleaved, so
        // both see the same load.
        var loads = new List<double>();
        var reports = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await TreatyStatusReader.LoadAsync(db, CancellationToken.None);
            loads.Add(watch.Elapsed.TotalMilliseconds);

            // A fresh snapshot each time: nothing of the previous computation is reused.
            var fresh = new TreatySnapshot(snapshot.Instruments, snapshot.Actions, snapshot.Statements, snapshot.Caveats, snapshot.Evidence);
            watch.Restart();
            var report = fresh.Report(meeting, ReportScopeKind.CountedMembers, register, fresh.ReportOrder);
            reports.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(29, report.Tallies[0].Consented.Length);
        }

        Assert.True(Median(reports) < Median(loads), $"median report {Median(reports):F2} ms, median load {Median(loads):F2} ms");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

public sealed class RatificationReportTestsOnPostgres(PostgresTreatyFixture fixture) : RatificationReportTests(fixture), IClassFixture<PostgresTreatyFixture>;
