using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// The laws and statements the meeting heard of, and new ones recorded. The tests share one service,
/// so each owns its data: the first asks about the laws as imported (Mexico's, Guatemala's, and every
/// state's by topic, instrument and year); the writes are a firearms law of Peru of 2009 and a
/// statement of Uruguay, which answer none of its questions and which no other test reads.
/// </summary>
public class LegislationTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private TreatyService.TreatyServiceClient Treaty => fixture.Host.Treaty();

    private async Task<List<Legislation>> ListAsync(ListLegislationRequest request) => [.. (await Treaty.ListLegislationAsync(request)).Legislation];

    [Fact]
    public async Task The_laws_the_meeting_heard_of_are_there_by_state_topic_instrument_and_date()
    {
        var mexico = await ListAsync(new ListLegislationRequest { StateCode = "MEX" });
        Assert.Equal(2, mexico.Count);
        var reform = mexico.Single(l => l.Kind == LegislationKind.ConstitutionalAmendment);
        Assert.Equal("2008-06-18", reform.InForceOn.Text());
        Assert.Contains("oral-accusatory-system", reform.Topics);

        var bankSecrecy = Assert.Single(await ListAsync(new ListLegislationRequest { Topic = "bank-secrecy" }));
        Assert.Equal("CRI", bankSecrecy.StateCode);
        Assert.Equal(["organized-crime", "police-information-exchange", "statute-of-limitations", "bank-secrecy", "wiretapping", "sexual-exploitation"], bankSecrecy.Topics);

        var trafficking = Assert.Single(await ListAsync(new ListLegislationRequest { InstrumentId = "untoc-tip" }));
        Assert.Equal(("MEX", 2008, 0), (trafficking.StateCode, trafficking.EnactedOn.Year, trafficking.EnactedOn.Month));

        var in2008 = await ListAsync(new ListLegislationRequest { StartDate = D.Ate(2008, 1, 1), EndDate = D.Ate(2008, 12, 31) });
        Assert.Equal(["MEX", "MEX", "NIC"], in2008.Select(l => l.StateCode));

        var guatemala = await ListAsync(new ListLegislationRequest { StateCode = "GTM" });
        Assert.Equal(["judicial-protection", "witness-protection"], guatemala.SelectMany(l => l.Topics).Where(t => t.EndsWith("protection", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task The_legislative_comparison_shows_which_state_has_which_provision()
    {
        var response = await Treaty.GetLegislativeComparisonAsync(new GetLegislativeComparisonRequest
        {
            StateCodes = { "NIC", "CRI", "GTM", "MEX" },
            Topics = { "organized-crime", "wiretapping", "witness-protection" },
        });
        Assert.Equal(["CRI", "GTM", "MEX", "NIC"], response.Rows.Select(r => r.StateCode));
        Assert.Equal(3, response.Topics.Count);
        bool Has(string state, string topic) => response.Rows.Single(r => r.StateCode == state).Cells.Single(c => c.Topic == topic).HasProvision;
        Assert.True(Has("CRI", "wiretapping"));
        Assert.False(Has("MEX", "wiretapping"));
        Assert.True(Has("GTM", "witness-protection"));
        var nicaragua = response.Rows.Single(r => r.StateCode == "NIC").Cells.Single(c => c.Topic == "organized-crime");
        Assert.True(nicaragua.HasProvision);
        Assert.Single(nicaragua.PendingLegislationNames);

        await RpcAssert.InvalidArgumentAsync(() => Treaty.GetLegislativeComparisonAsync(new GetLegislativeComparisonRequest { Topics = { "piracy" } }).ResponseAsync, "topics");
    }

    [Fact]
    public async Task A_states_editor_records_its_own_legislation_once_and_a_list_right_after_sees_it()
    {
        var before = await ListAsync(new ListLegislationRequest { StateCode = "PER", Topic = "firearms" });
        Assert.Empty(before);

        var request = new RecordLegislationRequest
        {
            RequestId = "per-firearms-law",
            Legislation = new Legislation
            {
                StateCode = "PER",
                Title = "Law on firearms, ammunition and explosives",
                Kind = LegislationKind.Law,
                Status = LegislationStatus.Enacted,
                EnactedOn = new Google.Type.Date { Year = 2009, Month = 6 },
                Topics = { "firearms" },
                InstrumentIds = { "untoc-firearms", "cifta" },
            },
        };
        var editor = fixture.Host.Treaty(TestKeys.PeruEditor);
        var recorded = (await editor.RecordLegislationAsync(request)).Legislation;
        var retried = (await editor.RecordLegislationAsync(request)).Legislation;
        Assert.Equal(recorded.Name, retried.Name);

        var after = await ListAsync(new ListLegislationRequest { StateCode = "PER", Topic = "firearms" });
        Assert.Equal(recorded.Name, Assert.Single(after).Name);
    }

    [Fact]
    public async Task Legislation_is_written_only_by_the_secretariat_or_the_states_own_editor_and_checked()
    {
        var peruBefore = (await Treaty.ListLegislationAsync(new ListLegislationRequest { StateCode = "PER", PageSize = 100 })).ToString();
        var peruLaw = new Legislation { StateCode = "PER", Title = "Law", Kind = LegislationKind.Law, Status = LegislationStatus.Enacted, Topics = { "organized-crime" } };
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => Treaty.RecordLegislationAsync(new RecordLegislationRequest { Legislation = peruLaw }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => fixture.Host.Treaty(TestKeys.MexicoEditor).RecordLegislationAsync(new RecordLegislationRequest { Legislation = peruLaw }).ResponseAsync);

        var bad = new Legislation { StateCode = "PER", Title = "", Topics = { "piracy" }, InstrumentIds = { "palermo" }, EnactedOn = new Google.Type.Date { Year = 2008, Day = 3 } };
        await RpcAssert.InvalidArgumentAsync(
            () => fixture.Host.Treaty(TestKeys.PeruEditor).RecordLegislationAsync(new RecordLegislationRequest { Legislation = bad }).ResponseAsync,
            "legislation.title", "legislation.kind", "legislation.status", "legislation.topics", "legislation.instrument_ids", "legislation.enacted_on");
        Assert.Equal(peruBefore, (await Treaty.ListLegislationAsync(new ListLegislationRequest { StateCode = "PER", PageSize = 100 })).ToString());
    }

    [Fact]
    public async Task A_status_statement_recorded_by_the_secretariat_shows_in_the_states_status_right_away()
    {
        var before = await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "URY", AsOf = D.Meeting });
        Assert.Empty(before.Statements);
        await fixture.Host.Treaty(TestKeys.Secretariat).RecordStatusStatementAsync(new RecordStatusStatementRequest
        {
            Statement = new StatusStatement { StateCode = "URY", MadeOn = D.Meeting, Text = "Uruguay supported informing UNODC of the points of contact.", InstrumentIds = { "a-55" } },
        });
        var after = await Treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "URY", AsOf = D.Meeting });
        Assert.Single(after.Statements);
    }
}

public sealed class LegislationTestsOnPostgres(PostgresTreatyFixture fixture) : LegislationTests(fixture), IClassFixture<PostgresTreatyFixture>;
