using Microsoft.Extensions.DependencyInjection;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>"Today" in TechnicalCooperation is the day of the service's registered clock, wherever a date defaults to it or is bounded by it.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task Every_today_of_the_service_follows_its_clock_when_the_clock_moves()
    {
        var clock = new MovableClock(new DateTimeOffset(2010, 3, 15, 12, 0, 0, TimeSpan.Zero));
        using var host = new TechCoopHost(withTreaty: true);
        host.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        // On 2010-03-15: undated records are dated that day, and the next day is still the future.
        var need = (await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Undated("MEX", "clock-area") })).Need;
        var asked = (await secretariat.RequestCurriculumAsync(new RequestCurriculumRequest { CurriculumRequest = PointOfContactRequest("MEX") })).CurriculumRequest;
        Assert.Equal((Examples.Date(2010, 3, 15), Examples.Date(2010, 3, 15)), (need.IdentifiedOn, asked.RequestedOn));
        var datedTheSixteenth = Undated("PER", "clock-area");
        datedTheSixteenth.IdentifiedOn = Examples.Date(2010, 3, 16);
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RecordNeedAsync(new RecordNeedRequest { Need = datedTheSixteenth }).ResponseAsync, "need.identified_on");
        await RpcAssert.InvalidArgumentAsync(
            () => secretariat.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name, ResolvedOn = Examples.Date(2010, 3, 16) }).ResponseAsync, "resolved_on");
        await RpcAssert.InvalidArgumentAsync(
            () => secretariat.ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "Sent.", AnsweredOn = Examples.Date(2010, 3, 16) }).ResponseAsync, "answered_on");
        Assert.Equal(Examples.Date(2010, 3, 15), (await secretariat.SuggestNeedsFromTreatyStatusAsync(new SuggestNeedsFromTreatyStatusRequest { StateCode = "MEX" })).AsOf);

        clock.Advance(TimeSpan.FromDays(5));

        // On 2010-03-20: the sixteenth is in the past, and undated answers are dated the twentieth.
        Assert.Equal(Examples.Date(2010, 3, 16), (await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = datedTheSixteenth })).Need.IdentifiedOn);
        Assert.Equal(Examples.Date(2010, 3, 20), (await secretariat.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name })).Need.ResolvedOn);
        Assert.Equal(
            Examples.Date(2010, 3, 20),
            (await secretariat.ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "Sent." })).CurriculumRequest.AnsweredOn);
        Assert.Equal(Examples.Date(2010, 3, 20), (await secretariat.SuggestNeedsFromTreatyStatusAsync(new SuggestNeedsFromTreatyStatusRequest { StateCode = "MEX" })).AsOf);
    }

    private static Need Undated(string state, string area)
    {
        var need = Examples.Need(state, area);
        need.IdentifiedOn = null;
        return need;
    }

    private static CurriculumRequest PointOfContactRequest(string state) =>
        new() { StateCode = state, Kind = CurriculumRequestKind.PointOfContact, Description = "Who can be asked about the courses?" };
}
