using TocMesh.TechnicalCooperation.V1;
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
}
