using Microsoft.Extensions.DependencyInjection;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>"Today" is the day of the clock the service has registered, wherever the service needs it.</summary>
public sealed class TodayTests
{
    private static readonly string[] Palermo = ["untoc", "untoc-tip", "untoc-som", "untoc-firearms"];

    [Fact]
    public async Task Every_today_of_the_service_is_the_day_of_its_clock_and_moves_with_it()
    {
        var clock = new MovableClock(new DateOnly(2009, 10, 7));
        using var host = new TreatyHost();
        host.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var treaty = host.Treaty(TestKeys.Secretariat);
        var report = new GetRatificationReportRequest { InstrumentIds = { Palermo } };
        var status = new GetStateStatusRequest { StateCode = "MEX" };
        var instrument = new GetInstrumentStatusRequest { InstrumentId = "untoc" };
        var changes = new CompareStatusRequest { FromDate = D.Ate(2009, 1, 1), InstrumentIds = { "untoc" } };
        // Each dated between the two days the clock shows.
        var accession = new RecordTreatyActionRequest { StateCode = "MEX", InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(2010, 6, 1), Source = "test" };
        var statement = new RecordStatusStatementRequest { Statement = new StatusStatement { StateCode = "URY", MadeOn = D.Ate(2010, 6, 1), Text = "Uruguay reported its deposit." } };
        var law = new RecordLegislationRequest
        {
            Legislation = new Legislation { StateCode = "PER", Title = "Firearms law", Kind = LegislationKind.Law, Status = LegislationStatus.Enacted, Topics = { "firearms" }, ReportedOn = D.Ate(2010, 6, 1) },
        };

        // The day of the second meeting: what is asked "as of today" is as of that day, and 2010 is still to come.
        var atMeeting = await treaty.GetRatificationReportAsync(report);
        Assert.Equal("2009-10-07", atMeeting.AsOf.Text());
        Assert.Equal([29, 28, 26, 19], atMeeting.Tallies.Select(t => t.ConsentedCount));
        Assert.Equal("2009-10-07", (await treaty.GetStateStatusAsync(status)).AsOf.Text());
        Assert.Equal("2009-10-07", (await treaty.GetInstrumentStatusAsync(instrument)).AsOf.Text());
        Assert.Equal("2009-10-07", (await treaty.CompareStatusAsync(changes)).ToDate.Text());
        await RpcAssert.InvalidArgumentAsync(() => treaty.RecordTreatyActionAsync(accession).ResponseAsync, "deposit_date");
        await RpcAssert.InvalidArgumentAsync(() => treaty.RecordStatusStatementAsync(statement).ResponseAsync, "statement.made_on");
        await RpcAssert.InvalidArgumentAsync(() => treaty.RecordLegislationAsync(law).ResponseAsync, "legislation.reported_on");

        clock.MoveTo(new DateOnly(2011, 12, 31));

        var atYearEnd = await treaty.GetRatificationReportAsync(report);
        Assert.Equal("2011-12-31", atYearEnd.AsOf.Text());
        Assert.Equal([31, 31, 29, 23], atYearEnd.Tallies.Select(t => t.ConsentedCount));
        Assert.Equal("2011-12-31", (await treaty.GetStateStatusAsync(status)).AsOf.Text());
        Assert.Equal("2011-12-31", (await treaty.GetInstrumentStatusAsync(instrument)).AsOf.Text());
        Assert.Equal("2011-12-31", (await treaty.CompareStatusAsync(changes)).ToDate.Text());
        Assert.Equal("2010-06-01", (await treaty.RecordTreatyActionAsync(accession)).TreatyAction.DepositDate.Text());
        Assert.Equal("2010-06-01", (await treaty.RecordStatusStatementAsync(statement)).Statement.MadeOn.Text());
        Assert.Equal("2010-06-01", (await treaty.RecordLegislationAsync(law)).Legislation.ReportedOn.Text());
    }
}
