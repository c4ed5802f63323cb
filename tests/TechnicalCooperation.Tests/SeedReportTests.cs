using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>What the report of the second meeting says of technical cooperation, read back through the contract.</summary>
public class SeedReportTests(TechCoopFixture fixture) : IClassFixture<TechCoopFixture>
{
    private TechnicalCooperationService.TechnicalCooperationServiceClient TechCoop => fixture.Host.TechCoop();

    [Fact]
    public async Task The_DPS_regular_budget_is_USD_92000_00_in_exact_minor_units()
    {
        var budget = Assert.Single((await TechCoop.ListFundingAsync(new ListFundingRequest { Source = FundingSource.RegularBudget })).Funding);

        Assert.Equal(("USD", 9_200_000L), (budget.Amount.CurrencyCode, budget.Amount.MinorUnits));
        Assert.Equal("", budget.WorkArea);
        Assert.Equal("gtdot-ii", budget.SourceMeetingId);

        var summary = await TechCoop.GetFundingSummaryAsync(new GetFundingSummaryRequest());
        var usd = Assert.Single(summary.Totals);
        Assert.Equal(("USD", 9_200_000L, 0L), (usd.CurrencyCode, usd.RegularMinorUnits, usd.SpecificMinorUnits));
        Assert.Equal("USD 92,000.00", usd.Display);
    }

    [Fact]
    public async Task Trafficking_in_persons_is_funded_by_unnamed_donors_with_no_amount_invented()
    {
        var tip = Assert.Single((await TechCoop.ListFundingAsync(new ListFundingRequest { WorkArea = "trafficking-in-persons" })).Funding);
        Assert.Null(tip.Amount);
        Assert.Equal("", tip.Donor);
        Assert.Contains("not named", tip.DonorNote);
        Assert.Equal((FundingSource.SpecificFund, FundingStatus.Received), (tip.Source, tip.Status));

        var summary = await TechCoop.GetFundingSummaryAsync(new GetFundingSummaryRequest());
        var area = Assert.Single(summary.Areas, a => a.WorkArea == "trafficking-in-persons");
        Assert.True(area.Funded);
        Assert.Equal(1, area.UnstatedAmountCount);
        Assert.Empty(area.Totals);
    }

    [Fact]
    public async Task Firearms_and_the_plan_of_action_are_named_as_having_no_funds()
    {
        var summary = await TechCoop.GetFundingSummaryAsync(new GetFundingSummaryRequest());

        var sought = summary.UnfundedAreas.Where(u => u.FundsSought).Select(u => u.WorkArea).ToList();
        Assert.Equal(["firearms", "plan-of-action-against-toc"], sought);
        Assert.DoesNotContain(summary.UnfundedAreas, u => u.WorkArea == "trafficking-in-persons");
        // The needs named at the meeting have no funding record either, and are listed as such.
        var police = Assert.Single(summary.UnfundedAreas, u => u.WorkArea == "police-and-forensic-resources");
        Assert.False(police.FundsSought);
        Assert.Equal(1, police.OpenNeedCount);
    }

    [Fact]
    public async Task The_needs_named_at_the_meeting_are_hemisphere_wide_and_open()
    {
        var assessment = await TechCoop.GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest());

        Assert.Equal("", assessment.StateCode);
        var seeded = assessment.Needs.Where(n => n.SourceMeetingId == "gtdot-ii").ToList();
        Assert.Equal(
            ["convention-and-protocols-implementation", "police-and-forensic-resources", "victim-and-witness-protection"],
            seeded.Select(n => n.Area).Order(StringComparer.Ordinal));
        Assert.All(seeded, n => Assert.Equal(("", NeedStatus.Open, NeedPriority.Unspecified), (n.StateCode, n.Status, n.Priority)));
        Assert.Contains("Secretary for Multidimensional Security", seeded.Single(n => n.Area == "police-and-forensic-resources").RaisedBy);
        Assert.Equal(Examples.Date(2009, 10, 7), seeded[0].IdentifiedOn);
    }

    [Fact]
    public async Task Brazil_asked_for_workshops_for_judges_and_prosecutors_and_was_offered_the_curriculum()
    {
        var brazil = Assert.Single((await TechCoop.ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest { StateCode = "BRA" })).CurriculumRequests);

        Assert.Equal(CurriculumRequestKind.CoursesForAudience, brazil.Kind);
        Assert.Equal(["judges", "prosecutors"], brazil.Audiences);
        Assert.Equal(CurriculumRequestStatus.Answered, brazil.Status);
        Assert.Contains("complete curriculum could be made available", brazil.Answer);
    }

    [Fact]
    public async Task Chile_asked_for_a_point_of_contact_for_the_courses()
    {
        var chile = Assert.Single((await TechCoop.ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest { StateCode = "chl" })).CurriculumRequests);
        Assert.Equal(CurriculumRequestKind.PointOfContact, chile.Kind);
        Assert.Equal(Examples.Date(2009, 10, 7), chile.RequestedOn);
    }

    [Fact]
    public async Task The_diagnostic_assessment_and_the_toolkit_are_the_source_documents()
    {
        var documents = (await TechCoop.ListSourceDocumentsAsync(new ListSourceDocumentsRequest())).SourceDocuments;

        Assert.Equal(["GT/DOT-II/doc.6/09 corr. 1", "GT/DOT-II/doc.7/09 corr. 1"], documents.Select(d => d.Symbol));
        Assert.Contains("toolkit", documents[1].Title);
        Assert.All(documents, d => Assert.Equal("gtdot-ii", d.MeetingId));
    }

    [Fact]
    public async Task No_course_is_invented_the_report_names_none()
    {
        var seeded = (await TechCoop.ListCoursesAsync(new ListCoursesRequest { PageSize = 100 })).Courses;
        Assert.DoesNotContain(seeded, c => c.SourceDocument == "GT/DOT-II/doc.7/09 corr. 1");
    }
}

public class SeedPersistenceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Seeding_again_on_restart_adds_nothing_and_writes_survive()
    {
        string folder;
        int needCount;
        using (var first = new TechCoopHost(directoryDown: true, provider: Provider))
        {
            folder = first.DataFolder;
            var techCoop = first.TechCoop(TestKeys.Secretariat);
            await techCoop.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need(null, "seed-restart-area") });
            needCount = (await techCoop.ListNeedsAsync(new ListNeedsRequest())).TotalSize;
        }

        using var second = new TechCoopHost(dataFolder: folder, directoryDown: true, provider: Provider);
        var again = second.TechCoop();
        Assert.Equal(needCount, (await again.ListNeedsAsync(new ListNeedsRequest())).TotalSize);
        Assert.Equal(4, (await again.ListFundingAsync(new ListFundingRequest())).Funding.Count);
        Assert.Equal(2, (await again.ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest())).CurriculumRequests.Count);
        Assert.Single((await again.ListNeedsAsync(new ListNeedsRequest { Area = "seed-restart-area" })).Needs);
    }
}

public sealed class SeedReportTestsOnPostgres(PostgresTechCoopFixture fixture) : SeedReportTests(fixture), IClassFixture<PostgresTechCoopFixture>;

public sealed class SeedPersistenceTestsOnPostgres : SeedPersistenceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
