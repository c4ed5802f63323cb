using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public class NeedsTests(TechCoopFixture fixture) : IClassFixture<TechCoopFixture>
{
    private TechnicalCooperationService.TechnicalCooperationServiceClient Secretariat => fixture.Host.TechCoop(TestKeys.Secretariat);

    private TechnicalCooperationService.TechnicalCooperationServiceClient Mexico => fixture.Host.TechCoop(TestKeys.MexicoEditor);

    private TechnicalCooperationService.TechnicalCooperationServiceClient Anonymous => fixture.Host.TechCoop();

    [Fact]
    public async Task A_state_editor_files_needs_for_its_own_state_only()
    {
        var need = (await Mexico.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("mex", "needs-own-state") })).Need;
        Assert.Equal(("MEX", NeedStatus.Open), (need.StateCode, need.Status));

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => Mexico.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("PER", "needs-own-state") }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => Mexico.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need(null, "needs-own-state") }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => Anonymous.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("MEX", "needs-own-state") }).ResponseAsync);
        Assert.Equal(1, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-own-state" })).TotalSize);
    }

    [Fact]
    public async Task A_bad_need_is_refused_naming_each_field_and_nothing_is_written()
    {
        await RpcAssert.InvalidArgumentAsync(() => Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("XYZ", "needs-bad") }).ResponseAsync, "need.state_code");
        var bad = new Need { StateCode = "MEX", Area = "Needs Bad", Description = "", Priority = (NeedPriority)9, IdentifiedOn = Examples.Date(2999, 1, 1) };
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = bad }).ResponseAsync,
            "need.area", "need.description", "need.priority", "need.identified_on");
        Assert.Equal(0, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-bad" })).TotalSize);
    }

    [Fact]
    public async Task Needs_are_listed_by_state_area_priority_and_status()
    {
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("GTM", "needs-listing", NeedPriority.High) });
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("GTM", "needs-listing", NeedPriority.Low) });
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need(null, "needs-listing", NeedPriority.Medium) });

        Assert.Equal(3, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-listing" })).TotalSize);
        Assert.Equal(2, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-listing", StateCode = "gtm" })).TotalSize);
        Assert.Equal(1, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-listing", StateCode = "-" })).TotalSize);
        Assert.Equal(1, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-listing", Priority = NeedPriority.Low })).TotalSize);
        Assert.Equal(0, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-listing", Status = NeedStatus.Resolved })).TotalSize);
    }

    [Fact]
    public async Task The_assessment_of_one_state_and_of_the_hemisphere_by_area()
    {
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("CRI", "needs-assessment-a") });
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("NIC", "needs-assessment-a") });
        await Secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("NIC", "needs-assessment-b") });

        var nicaragua = await Anonymous.GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { StateCode = "NIC" });
        Assert.Equal(["needs-assessment-a", "needs-assessment-b"], nicaragua.Areas.Select(a => a.Area));
        Assert.All(nicaragua.Needs, n => Assert.Equal("NIC", n.StateCode));

        var hemisphere = await Anonymous.GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest());
        var a = Assert.Single(hemisphere.Areas, x => x.Area == "needs-assessment-a");
        Assert.Equal((2, 0), (a.OpenCount, a.ResolvedCount));
        Assert.Equal(["CRI", "NIC"], a.StateCodes);
        await RpcAssert.InvalidArgumentAsync(() => Anonymous.GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { StateCode = "ESP" }).ResponseAsync, "state_code");
    }

    [Fact]
    public async Task A_need_is_resolved_by_an_edition_of_a_course_that_covers_its_area_and_only_once()
    {
        var need = (await Mexico.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("MEX", "needs-resolve") })).Need;
        var course = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Answers it", ["needs-resolve"]) })).Course;
        var elsewhere = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Another area", ["needs-resolve-other"]) })).Course;
        var edition = (await Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = new CourseEdition { StartDate = Examples.Date(2010, 6, 1), Place = "Mexico City", Participants = { new StateParticipants { StateCode = "MEX", Count = 30 } } } })).Edition;
        var wrongEdition = (await Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = elsewhere.Name, Edition = new CourseEdition { StartDate = Examples.Date(2010, 6, 1), Place = "x" } })).Edition;

        var refused = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Mexico.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name, Edition = wrongEdition.Name, ResolvedOn = Examples.Date(2010, 6, 10) }).ResponseAsync);
        Assert.Equal("EDITION_DOES_NOT_ANSWER_AREA", refused.ErrorInfo()?.Reason);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => fixture.Host.TechCoop(TestKeys.PeruEditor).ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(() => Mexico.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name, Edition = "courses/1/editions/999999" }).ResponseAsync, "edition");

        var resolved = (await Mexico.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name, Edition = edition.Name, ResolvedOn = Examples.Date(2010, 6, 10), Note = "Trained 30 prosecutors" })).Need;
        Assert.Equal((NeedStatus.Resolved, edition.Name, Examples.Date(2010, 6, 10)), (resolved.Status, resolved.ResolvedByEdition, resolved.ResolvedOn));
        Assert.Equal(NeedStatus.Resolved, (await Anonymous.ListNeedsAsync(new ListNeedsRequest { Area = "needs-resolve" })).Needs.Single().Status);

        var again = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Mexico.ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name }).ResponseAsync);
        Assert.Equal("NEED_ALREADY_RESOLVED", again.ErrorInfo()?.Reason);
    }
}

public sealed class NeedsTestsOnPostgres(PostgresTechCoopFixture fixture) : NeedsTests(fixture), IClassFixture<PostgresTechCoopFixture>;
