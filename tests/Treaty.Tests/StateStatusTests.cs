using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

public class StateStatusTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private TreatyService.TreatyServiceClient Treaty => fixture.Host.Treaty();

    private async Task<StateInstrumentStatus> StatusAsync(string state, string instrument, Google.Type.Date asOf) =>
        (await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = state, AsOf = asOf })).Instruments.Single(i => i.InstrumentId == instrument);

    [Fact]
    public async Task Ecuador_at_the_meeting_was_party_to_the_convention_and_two_protocols_and_had_only_signed_the_firearms_protocol()
    {
        var response = await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "ecu", AsOf = D.Meeting });
        Assert.Equal("ECU", response.StateCode);
        var byId = response.Instruments.ToDictionary(i => i.InstrumentId);

        Assert.Equal(("2002-09-17", ConsentKind.Ratification, true, "2003-09-29"), (byId["untoc"].ConsentedOn.Text(), byId["untoc"].ConsentKind, byId["untoc"].Party, byId["untoc"].PartySince.Text()));
        Assert.True(byId["untoc-tip"].Party);
        Assert.True(byId["untoc-som"].Party);
        var firearms = byId["untoc-firearms"];
        Assert.Equal("2001-10-12", firearms.SignedOn.Text());
        Assert.Null(firearms.ConsentedOn);
        Assert.False(firearms.Party);

        // What Ecuador said, and the pending accession it announced, are there as said.
        var statement = Assert.Single(response.Statements);
        Assert.Contains("had ratified two of its three protocols", statement.Text);
        Assert.Contains("would approve its accession", statement.Text);
        Assert.Contains("ratification rather than an accession", statement.Note);
        var pending = Assert.Single(firearms.PendingDomesticProcedures);
        Assert.Equal(LegislationStatus.Pending, pending.Status);
        Assert.Equal(LegislationKind.TreatyApproval, pending.Kind);
        Assert.Empty(byId["untoc"].PendingDomesticProcedures);
    }

    [Fact]
    public async Task Before_the_meeting_Ecuadors_statement_had_not_been_made()
    {
        var response = await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "ECU", AsOf = D.Ate(2009, 10, 6) });
        Assert.Empty(response.Statements);
        Assert.Empty(response.Instruments.Single(i => i.InstrumentId == "untoc-firearms").PendingDomesticProcedures);
    }

    [Theory]
    [InlineData(9, false, false)]
    [InlineData(10, true, false)]
    [InlineData(11, true, false)]
    public async Task A_deposit_counts_from_its_day_and_makes_a_party_thirty_days_later(int day, bool consented, bool party)
    {
        // Bolivia deposited its ratification of the Convention on 2005-10-10, after the Convention's own entry into force.
        var status = await StatusAsync("BOL", "untoc", D.Ate(2005, 10, day));
        Assert.Equal(consented, status.ConsentedOn is not null);
        Assert.Equal(party, status.Party);
        Assert.Null(status.PartySince);
        Assert.Equal(consented ? "2005-11-09" : "", status.EntersIntoForceOn.Text());
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(10, true)]
    public async Task Entry_into_force_for_a_later_depositor_is_the_thirtieth_day_after_its_deposit(int day, bool party)
    {
        var status = await StatusAsync("BOL", "untoc", D.Ate(2005, 11, day));
        Assert.Equal(party, status.Party);
        Assert.Equal(party ? "2005-11-09" : "", status.PartySince.Text());
    }

    [Theory]
    [InlineData(2003, 9, 28, false)]
    [InlineData(2003, 9, 29, true)]
    public async Task An_early_deposit_takes_effect_with_the_instruments_own_entry_into_force_never_before(int year, int month, int day, bool party)
    {
        // Peru deposited on 2002-01-23; thirty days later the Convention itself was not yet in force.
        var status = await StatusAsync("PER", "untoc", D.Ate(year, month, day));
        Assert.Equal("2002-01-23", status.ConsentedOn.Text());
        Assert.Equal("2003-09-29", status.EntersIntoForceOn.Text());
        Assert.Equal(party, status.Party);
    }

    [Fact]
    public async Task Where_the_entry_into_force_rule_is_not_recorded_a_later_deposit_is_marked_unknown_not_guessed()
    {
        var bahamas = await StatusAsync("BHS", "a-55", D.Meeting);
        Assert.Equal("2009-04-30", bahamas.ConsentedOn.Text());
        Assert.Equal("2009-04-22", bahamas.ConsentActOn.Text());
        Assert.True(bahamas.EntryIntoForceUnknown);
        Assert.False(bahamas.Party);

        var peru = await StatusAsync("PER", "a-55", D.Meeting);
        Assert.Equal("1996-04-14", peru.PartySince.Text());
        Assert.False(peru.EntryIntoForceUnknown);
    }

    [Fact]
    public async Task A_state_missing_from_the_published_table_carries_a_caveat_instead_of_a_silent_no_action()
    {
        var uruguay = await StatusAsync("URY", "a-55", D.Meeting);
        Assert.Null(uruguay.ConsentedOn);
        Assert.Contains(uruguay.DataCaveats, c => c.Contains("unknown, not 'no action'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_instrument_status_lists_signatories_and_parties_with_counts()
    {
        var response = await Treaty.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = "untoc", AsOf = D.Meeting });
        Assert.Equal("Palermo Convention", response.Instrument.ShortName);
        Assert.Equal(29, response.ConsentedCount);
        Assert.Equal(29, response.PartyCount);
        Assert.Equal(33, response.Participants.Count); // Dominica had done nothing by then
        var barbados = response.Participants.Single(p => p.StateCode == "BRB");
        Assert.Equal("2001-09-26", barbados.Status.SignedOn.Text());
        Assert.False(barbados.Status.Party);
        Assert.Equal(response.Participants.Count(p => p.Status.SignedOn is not null), response.SignatoryCount);
    }

    [Fact]
    public async Task Compare_status_lists_what_changed_between_two_dates()
    {
        var response = await Treaty.CompareStatusAsync(new CompareStatusRequest { FromDate = D.Meeting, ToDate = D.Ate(2011, 12, 31), InstrumentIds = { "untoc" } });
        var count = Assert.Single(response.Counts);
        Assert.Equal((29, 31), (count.ConsentedCountFrom, count.ConsentedCountTo));
        Assert.Equal(["HTI", "VCT"], count.NewlyConsentedStateCodes);
        Assert.Contains(response.Changes, c => c is { StateCode: "VCT", Kind: StatusChangeKind.Consented } && c.Date.Text() == "2010-10-29");
        Assert.Contains(response.Changes, c => c is { StateCode: "VCT", Kind: StatusChangeKind.EnteredIntoForce } && c.Date.Text() == "2010-11-28");
        Assert.Equal(response.Changes.Select(c => c.Date.Text()).Order(StringComparer.Ordinal), response.Changes.Select(c => c.Date.Text()));

        await RpcAssert.InvalidArgumentAsync(
            () => Treaty.CompareStatusAsync(new CompareStatusRequest { FromDate = D.Ate(2011, 1, 1), ToDate = D.Ate(2010, 1, 1) }).ResponseAsync, "to_date");
    }

    [Theory]
    [InlineData("FRA", "state_code")]
    [InlineData("EC", "state_code")]
    public async Task A_state_outside_the_register_or_a_malformed_code_is_invalid_argument(string code, string field)
    {
        await RpcAssert.InvalidArgumentAsync(() => Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = code }).ResponseAsync, field);
    }

    [Fact]
    public async Task Instruments_are_listed_with_their_parent_and_entry_into_force_rule()
    {
        var list = await Treaty.ListInstrumentsAsync(new ListInstrumentsRequest());
        Assert.Equal(6, list.Instruments.Count);
        var tip = (await Treaty.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = "untoc-tip" })).Instrument;
        Assert.Equal(("untoc", "2003-12-25", 30), (tip.ParentId, tip.EntryIntoForce.Text(), tip.EntryIntoForceRule.DaysAfterLaterDeposit));
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Treaty.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = "palermo" }).ResponseAsync);
    }
}

public sealed class StateStatusTestsOnPostgres(PostgresTreatyFixture fixture) : StateStatusTests(fixture), IClassFixture<PostgresTreatyFixture>;
