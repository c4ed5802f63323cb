using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public class FundingTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static Funding Fund(string area, string currency, long minorUnits, FundingStatus status = FundingStatus.Received, string donor = "Example donor") => new()
    {
        Source = FundingSource.SpecificFund,
        Donor = donor,
        WorkArea = area,
        Status = status,
        Amount = new Money { CurrencyCode = currency, MinorUnits = minorUnits },
    };

    [Fact]
    public async Task Currencies_are_summed_apart_exactly_and_a_funded_area_leaves_the_unfunded_list()
    {
        using var host = new TechCoopHost(directoryDown: true, provider: Provider);
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        await secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", 1) });
        await secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", 4_999_999_999_999, FundingStatus.Pledged) });
        await secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "cad", 25_000_050) });
        await secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "CLP", 1_000_000) });

        var summary = await host.TechCoop().GetFundingSummaryAsync(new GetFundingSummaryRequest());
        var firearms = Assert.Single(summary.Areas, a => a.WorkArea == "firearms");
        Assert.True(firearms.Funded);
        Assert.Equal(["CAD", "CLP", "USD"], firearms.Totals.Select(t => t.CurrencyCode));
        var usd = firearms.Totals.Single(t => t.CurrencyCode == "USD");
        Assert.Equal((5_000_000_000_000L, 1L, 4_999_999_999_999L), (usd.SpecificMinorUnits, usd.ReceivedMinorUnits, usd.PledgedMinorUnits));
        Assert.Equal("USD 50,000,000,000.00", usd.Display);
        Assert.Equal("CAD 250,000.50", firearms.Totals.Single(t => t.CurrencyCode == "CAD").Display);
        Assert.Equal("CLP 1,000,000", firearms.Totals.Single(t => t.CurrencyCode == "CLP").Display);
        // The seeded regular budget stays in its own line; totals never mix currencies.
        Assert.Equal(9_200_000L + 5_000_000_000_000L, summary.Totals.Single(t => t.CurrencyCode == "USD").RegularMinorUnits + summary.Totals.Single(t => t.CurrencyCode == "USD").SpecificMinorUnits);
        Assert.DoesNotContain(summary.UnfundedAreas, u => u.WorkArea == "firearms");
        Assert.Contains(summary.UnfundedAreas, u => u.WorkArea == "plan-of-action-against-toc");
    }

    [Fact]
    public async Task Only_the_secretariat_records_funding_and_bad_amounts_are_refused()
    {
        using var host = new TechCoopHost(directoryDown: true, provider: Provider);
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.TechCoop(TestKeys.MexicoEditor).RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", 100) }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => host.TechCoop().RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", 100) }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "XYZ", 100) }).ResponseAsync, "funding.amount.currency_code");
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", -5) }).ResponseAsync, "funding.amount.minor_units");
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = Fund("firearms", "USD", 5, FundingStatus.Sought) }).ResponseAsync, "funding.amount");
        await RpcAssert.InvalidArgumentAsync(
            () => secretariat.RecordFundingAsync(new RecordFundingRequest { Funding = new Funding { Source = FundingSource.SpecificFund } }).ResponseAsync,
            "funding.status", "funding.work_area");

        Assert.Equal(4, (await host.TechCoop().ListFundingAsync(new ListFundingRequest())).Funding.Count);
    }

    [Fact]
    public async Task A_fund_whose_amount_was_not_stated_is_counted_not_summed()
    {
        using var host = new TechCoopHost(directoryDown: true, provider: Provider);
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        var request = new RecordFundingRequest
        {
            Funding = new Funding { Source = FundingSource.SpecificFund, WorkArea = "smuggling-of-migrants", Status = FundingStatus.Pledged, DonorNote = "a donor, not named" },
            RequestId = "unstated-1",
        };
        var saved = (await secretariat.RecordFundingAsync(request)).Funding;
        var retried = (await secretariat.RecordFundingAsync(request)).Funding;

        Assert.Null(saved.Amount);
        Assert.Equal(saved.Name, retried.Name);
        var area = (await host.TechCoop().GetFundingSummaryAsync(new GetFundingSummaryRequest())).Areas.Single(a => a.WorkArea == "smuggling-of-migrants");
        Assert.Equal((true, 1, 0), (area.Funded, area.UnstatedAmountCount, area.Totals.Count));
    }
}

public sealed class FundingTestsOnPostgres : FundingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
