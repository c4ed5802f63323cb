using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Every count says how many states in scope have a recorded status; unknown is never counted as none,
/// and published lists count as lower bounds.
/// </summary>
public class CoverageTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private const string Cifta = "Inter-American Convention against the Illicit Manufacturing of and Trafficking in Firearms, Ammunition, Explosives, and Other Related Materials";
    private const string MeetingScope = "the 34 member states other than Cuba, whose government did not take part";
    private static readonly string[] Palermo = ["untoc", "untoc-tip", "untoc-som", "untoc-firearms"];

    private TreatyService.TreatyServiceClient Treaty => fixture.Host.Treaty();

    private async Task<InstrumentTally> TallyAsync(string instrument, Google.Type.Date asOf, ReportScope scope = ReportScope.Unspecified) =>
        Assert.Single((await Treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = asOf, Scope = scope, InstrumentIds = { instrument } })).Tallies);

    private async Task<StateInstrumentStatus> StatusAsync(string state, string instrument, Google.Type.Date asOf) =>
        (await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = state, AsOf = asOf })).Instruments.Single(i => i.InstrumentId == instrument);

    [Fact]
    public async Task Cifta_as_of_the_second_meeting_states_no_count_of_none_and_gives_its_coverage()
    {
        var tally = await TallyAsync("cifta", D.Meeting);

        Assert.Equal(
            $"At least 21 of the 34 OAS member states had ratified or acceded to the {Cifta}; the status of 12 is not recorded.",
            tally.Sentence);
        Assert.DoesNotContain("No member state", tally.Sentence, StringComparison.Ordinal);
        Assert.Equal((CoverageLevel.Partial, 34, 22, 12), (tally.Coverage.Level, tally.Coverage.StatesInScope, tally.Coverage.KnownCount, tally.Coverage.UnknownCount));
        Assert.Equal(["BRB", "DMA", "DOM", "GUY", "HND", "HTI", "JAM", "KNA", "SUR", "TTO", "USA", "VCT"], tally.Coverage.UnknownStateCodes);

        // 21 on the list of 2004-03-01; three of them with dated deposits (ARG, BRA, CHL); Canada said in 2012 it had not ratified.
        Assert.Equal(21, tally.ConsentedCount);
        Assert.Equal(18, tally.ConsentedDateUnknownStateCodes.Count);
        Assert.DoesNotContain("ARG", tally.ConsentedDateUnknownStateCodes);
        Assert.Equal(["CAN"], tally.NotConsentedStateCodes);
        Assert.Equal(34, tally.ConsentedStateCodes.Count + tally.NotConsentedStateCodes.Count + tally.Coverage.UnknownCount);
        Assert.Empty(tally.ConsentedStateCodes.Intersect(tally.Coverage.UnknownStateCodes));
        Assert.DoesNotContain(tally.DataCaveats, c => c.StartsWith("No per-state data", StringComparison.Ordinal));
        Assert.Contains(tally.DataCaveats, c => c.StartsWith("As of 2004-03-01", StringComparison.Ordinal) && c.Contains("names 21", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cifta_as_of_the_last_published_list_states_at_least_the_lists_count()
    {
        var tally = await TallyAsync("cifta", D.Ate(2004, 3, 1));

        Assert.True(tally.ConsentedCount >= 21);
        Assert.StartsWith($"At least {tally.ConsentedCount} of the 34 OAS member states had ratified or acceded to the {Cifta}; the status of ", tally.Sentence);
        // The United States said it had not ratified as of that day: known then, not after.
        Assert.Contains("USA", tally.NotConsentedStateCodes);
        Assert.Equal(11, tally.Coverage.UnknownCount);
    }

    [Fact]
    public async Task Before_any_list_cifta_says_who_is_recorded_as_not_having_ratified_and_counts_nobody_as_none()
    {
        var tally = await TallyAsync("cifta", D.Ate(1998, 1, 1));

        // Argentina, Brazil and Chile deposited later; the United States and Canada said later they had not ratified.
        Assert.Equal(["ARG", "BRA", "CAN", "CHL", "USA"], tally.NotConsentedStateCodes);
        Assert.Equal(
            $"Of the 34 OAS member states, the 5 whose status is recorded had not ratified or acceded to the {Cifta}; the status of 29 is not recorded.",
            tally.Sentence);
    }

    [Fact]
    public async Task The_palermo_figures_of_the_second_meeting_are_unchanged_and_fully_covered()
    {
        var report = await Treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { Palermo } });

        Assert.Equal([29, 28, 26, 19], report.Tallies.Select(t => t.ConsentedCount));
        Assert.All(report.Tallies, t => Assert.Equal((CoverageLevel.Full, 34, 34, 0), (t.Coverage.Level, t.Coverage.StatesInScope, t.Coverage.KnownCount, t.Coverage.UnknownCount)));
        Assert.All(report.Tallies, t => Assert.Empty(t.ConsentedDateUnknownStateCodes));
        Assert.Equal("Twenty-nine OAS member states had ratified or acceded to the Convention.", report.Tallies[0].Sentence);
        Assert.Equal(MeetingScope, report.ScopeDescription);
    }

    [Fact]
    public async Task After_the_date_the_un_table_was_taken_a_state_without_a_consent_has_an_unknown_status()
    {
        // Saint Lucia had not become party to the Smuggling of Migrants Protocol in early 2014; nothing is recorded after.
        Assert.False((await StatusAsync("LCA", "untoc-som", D.Ate(2013, 12, 31))).StatusUnknown);
        var later = await StatusAsync("LCA", "untoc-som", D.Ate(2020, 1, 1));
        Assert.True(later.StatusUnknown);
        Assert.Null(later.ConsentedOn);

        var tally = await TallyAsync("untoc-som", D.Ate(2020, 1, 1));
        Assert.Contains("LCA", tally.Coverage.UnknownStateCodes);
        Assert.DoesNotContain("LCA", tally.NotConsentedStateCodes);
        Assert.StartsWith("At least ", tally.Sentence);
    }

    [Theory]
    [InlineData(12, 10, false, "")]
    [InlineData(12, 11, true, "2014-12-11")]
    public async Task Barbados_is_party_to_the_convention_from_the_thirtieth_day_after_its_deposit(int month, int day, bool party, string since)
    {
        var status = await StatusAsync("BRB", "untoc", D.Ate(2014, month, day));
        Assert.Equal(("2014-11-11", ConsentKind.Ratification, "2014-12-11"), (status.ConsentedOn.Text(), status.ConsentKind, status.EntersIntoForceOn.Text()));
        Assert.Equal((party, since), (status.Party, status.PartySince.Text()));
        Assert.False(status.StatusUnknown);
    }

    [Fact]
    public async Task Barbados_is_counted_among_the_parties_to_the_convention_today_and_its_protocols_are_unknown()
    {
        var convention = await TallyAsync("untoc", D.Ate(2020, 1, 1));
        Assert.Contains("BRB", convention.ConsentedStateCodes);

        var protocol = await StatusAsync("BRB", "untoc-tip", D.Ate(2020, 1, 1));
        Assert.True(protocol.StatusUnknown);
        Assert.Equal("2001-09-26", protocol.SignedOn.Text());
        Assert.Contains(protocol.DataCaveats, c => c.Contains("November 2014", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(28, true)]
    public async Task Cifta_enters_into_force_for_a_later_depositor_on_the_thirtieth_day(int day, bool party)
    {
        // Brazil deposited on 1999-09-28; its promulgation decree gives 1999-10-28 as the day CIFTA bound it.
        var brazil = await StatusAsync("BRA", "cifta", D.Ate(1999, 10, day));
        Assert.Equal(("1999-09-28", "1999-10-28", party), (brazil.ConsentedOn.Text(), brazil.EntersIntoForceOn.Text(), brazil.Party));
    }

    [Fact]
    public async Task A55_coverage_lacks_uruguay_and_venezuela_except_where_evidence_covers_them()
    {
        // At the meeting both are covered: Venezuela listed as having ratified by 2001-06-05, Uruguay said in 2010 it had not.
        var meeting = await TallyAsync("a-55", D.Meeting);
        Assert.Equal(CoverageLevel.Full, meeting.Coverage.Level);
        Assert.Equal(["VEN"], meeting.ConsentedDateUnknownStateCodes);
        Assert.Contains("URY", meeting.NotConsentedStateCodes);
        Assert.Contains("URY", meeting.SignedOnlyStateCodes);
        Assert.Equal("Twenty-five OAS member states had ratified or acceded to the Inter-American Convention on Mutual Assistance in Criminal Matters.", meeting.Sentence);

        Assert.Equal(["VEN"], (await TallyAsync("a-55", D.Ate(2000, 1, 1))).Coverage.UnknownStateCodes);
        var later = await TallyAsync("a-55", D.Ate(2015, 1, 1));
        Assert.Equal(["URY"], later.Coverage.UnknownStateCodes);
        Assert.StartsWith("At least 26 of the 34 OAS member states had ratified or acceded to the Inter-American Convention on Mutual Assistance in Criminal Matters; the status of 1 is not recorded.", later.Sentence);

        // Cuba is not in the part of the table read: over all member states, its status is unknown.
        Assert.Equal(["CUB"], (await TallyAsync("a-55", D.Meeting, ReportScope.AllMembers)).Coverage.UnknownStateCodes);
    }

    [Fact]
    public async Task A_states_status_shows_the_evidence_it_is_counted_on_and_its_source()
    {
        var venezuela = await StatusAsync("VEN", "a-55", D.Meeting);
        Assert.Null(venezuela.ConsentedOn);
        Assert.Equal("2001-06-05", venezuela.ConsentedBy.Text());
        Assert.True(venezuela.EntryIntoForceUnknown);
        Assert.False(venezuela.StatusUnknown);
        var evidence = Assert.Single(venezuela.Evidence);
        Assert.Equal((StatusEvidenceKind.ConsentedBy, "2001-06-05", "ratified (listed)", "OAS press release E-120/01 of 2001-06-05", "status_evidence.csv"),
            (evidence.Kind, evidence.AsOf.Text(), evidence.Status, evidence.Source, evidence.SourceFile));

        // A state of the UN table: its row is the evidence that it did nothing else by early 2014.
        var mexico = await StatusAsync("MEX", "untoc", D.Meeting);
        Assert.Contains(mexico.Evidence, e => e is { Kind: StatusEvidenceKind.TableComplete, Source: "UNTC XVIII-12", AsOfText: "early 2014" });

        var uruguay = await StatusAsync("URY", "a-55", D.Meeting);
        Assert.Equal("1993-01-22", uruguay.SignedOn.Text());
        Assert.Contains(uruguay.Evidence, e => e.Kind == StatusEvidenceKind.NotConsentedAsOf && e.AsOf.Text() == "2010-07-05");
    }

    [Fact]
    public async Task The_a55_information_column_is_a_declaration_of_information_and_the_entry_into_force_rule_it_lacks_is_said()
    {
        var mexico = await StatusAsync("MEX", "a-55", D.Meeting);
        Assert.Empty(mexico.Reservations);
        var information = Assert.Single(mexico.Declarations);
        Assert.StartsWith("Information required by the treaty supplied", information);
        Assert.True(mexico.EntryIntoForceUnknown);
        Assert.Contains(mexico.DataCaveats, c => c.Contains("the rule for a state that deposits its instrument later is not in the data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_instrument_status_gives_its_coverage_and_a_sentence_that_does_not_overstate()
    {
        var cifta = await Treaty.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = "cifta", AsOf = D.Meeting });
        Assert.Equal((21, CoverageLevel.Partial, 12), (cifta.ConsentedCount, cifta.Coverage.Level, cifta.Coverage.UnknownCount));
        Assert.StartsWith("At least 21 of the 34 OAS member states had ratified", cifta.Sentence);
        Assert.Equal(MeetingScope, cifta.ScopeDescription);
        Assert.Contains(cifta.Participants, p => p.StateCode == "MEX" && p.Status.ConsentedBy.Text() == "2001-07-01" && p.Status.Party);

        var untoc = await Treaty.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = "untoc", AsOf = D.Meeting });
        Assert.Equal(CoverageLevel.Full, untoc.Coverage.Level);
        Assert.Equal("Twenty-nine OAS member states had ratified or acceded to the Convention.", untoc.Sentence);
    }

    [Fact]
    public async Task Compare_status_gives_both_counts_with_their_coverage_and_calls_nobody_newly_consented_whose_earlier_status_is_unknown()
    {
        var response = await Treaty.CompareStatusAsync(new CompareStatusRequest { FromDate = D.Ate(2001, 7, 1), ToDate = D.Ate(2004, 3, 1), InstrumentIds = { "cifta" } });
        var count = Assert.Single(response.Counts);
        Assert.Equal((12, 21), (count.ConsentedCountFrom, count.ConsentedCountTo));
        Assert.Equal((18, 11), (count.CoverageFrom.UnknownCount, count.CoverageTo.UnknownCount));
        // Argentina and Chile are recorded as not having ratified in 2001; the others on the 2004 list were unknown then.
        Assert.Equal(["ARG", "CHL"], count.NewlyConsentedStateCodes);
        Assert.Equal(
            $"As of July 1, 2001, at least 12 of the 34 member states had ratified or acceded to the {Cifta} (the status of 18 is not recorded); "
            + $"as of March 1, 2004, at least 21 of the 34 member states had ratified or acceded to the {Cifta} (the status of 11 is not recorded).",
            count.Sentence);

        var untoc = Assert.Single((await Treaty.CompareStatusAsync(new CompareStatusRequest { FromDate = D.Meeting, ToDate = D.Ate(2011, 12, 31), InstrumentIds = { "untoc" } })).Counts);
        Assert.Equal(
            "As of October 7, 2009, twenty-nine member states had ratified or acceded to the Convention; as of December 31, 2011, thirty-one member states had ratified or acceded to the Convention.",
            untoc.Sentence);
    }

    [Fact]
    public async Task Over_all_member_states_the_scope_is_named_as_such()
    {
        var report = await Treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, Scope = ReportScope.AllMembers, InstrumentIds = { "untoc" } });
        Assert.Equal("all 35 member states", report.ScopeDescription);

        var later = await Treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Ate(2020, 1, 1), InstrumentIds = { "untoc" } });
        // Venezuela had withdrawn from the organization: 34 member states, Cuba's government not taking part.
        Assert.Equal("the 33 member states other than Cuba, whose government did not take part", later.ScopeDescription);
    }
}

public sealed class CoverageTestsOnPostgres(PostgresTreatyFixture fixture) : CoverageTests(fixture), IClassFixture<PostgresTreatyFixture>;
