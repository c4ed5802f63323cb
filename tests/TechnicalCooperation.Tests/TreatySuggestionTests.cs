using TocMesh.TechnicalCooperation.V1;
using TocMesh.Treaty.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public sealed class TreatySuggestionTests
{
    [Fact]
    public async Task Ecuador_at_the_second_meeting_is_suggested_the_firearms_protocol_it_had_signed_but_not_ratified()
    {
        using var host = new TechCoopHost(withTreaty: true);
        await host.TechCoop(TestKeys.Secretariat).RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("ECU", "firearms") });

        var response = await host.TechCoop().SuggestNeedsFromTreatyStatusAsync(new SuggestNeedsFromTreatyStatusRequest { StateCode = "ecu", AsOf = Examples.Date(2009, 10, 7) });

        Assert.Equal("ECU", response.StateCode);
        var firearms = Assert.Single(response.Suggestions, s => s.InstrumentId == "untoc-firearms");
        Assert.Equal(("firearms", false, true), (firearms.Area, firearms.Party, firearms.AlreadyRecorded));
        Assert.Contains("signed 2001-10-12", firearms.Description);
        Assert.DoesNotContain(response.Suggestions, s => s.InstrumentId == "untoc-tip" && !s.Party);
    }

    [Fact]
    public async Task An_instrument_whose_status_the_records_do_not_settle_is_not_suggested_as_unratified()
    {
        using var host = new TechCoopHost(withTreaty: true);
        var treaty = host.Treaty!.Client<TreatyService.TreatyServiceClient>();
        var asOf = Examples.Date(2009, 10, 7);
        var unknownSeen = 0;

        foreach (var state in new[] { "ECU", "PER", "MEX", "URY", "VEN", "JAM", "BHS", "HTI" })
        {
            var status = await treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = state, AsOf = asOf });
            var unknown = status.Instruments.Where(i => i.StatusUnknown).Select(i => i.InstrumentId).ToHashSet();
            unknownSeen += unknown.Count;

            var response = await host.TechCoop().SuggestNeedsFromTreatyStatusAsync(new SuggestNeedsFromTreatyStatusRequest { StateCode = state, AsOf = asOf });

            Assert.DoesNotContain(response.Suggestions, s => unknown.Contains(s.InstrumentId));
        }

        // CIFTA's per-state rows cover five states, so some of these have no recorded CIFTA status.
        Assert.True(unknownSeen > 0, "none of the states had an unknown status: the test checks nothing");
    }
}
