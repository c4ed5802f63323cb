using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public sealed class MatchingTests
{
    [Fact]
    public async Task Courses_are_ranked_for_a_state_by_the_weight_of_the_needs_they_answer_with_a_reason_each()
    {
        using var host = new TechCoopHost();
        var secretariat = host.TechCoop(TestKeys.Secretariat);
        await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("PER", "firearms", NeedPriority.High) });
        await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("PER", "trafficking-in-persons", NeedPriority.Low) });
        await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("MEX", "money-laundering", NeedPriority.High) });

        var both = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Both", ["firearms", "trafficking-in-persons"]) })).Course;
        var lowOnly = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Low only", ["trafficking-in-persons"]) })).Course;
        var highOnly = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("High only", ["firearms"], ["police"]) })).Course;
        var twin = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("High only, given", ["firearms"]) })).Course;
        await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Unrelated", ["money-laundering"]) });
        await secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = twin.Name, Edition = new CourseEdition { StartDate = Examples.Date(2010, 1, 1), Place = "x" } });

        var first = await host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "per" });
        var second = await host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "PER" });

        Assert.Equal([both.Name, twin.Name, highOnly.Name, lowOnly.Name], first.Recommendations.Select(r => r.Course.Name));
        Assert.Equal([1, 2, 3, 4], first.Recommendations.Select(r => r.Rank));
        Assert.Equal([8, 6, 6, 2], first.Recommendations.Select(r => r.Score));
        Assert.Equal(first, second);
        Assert.Equal("answers 2 open needs of PER: firearms (high), trafficking-in-persons (low) (score 8); not given yet; curriculum available", first.Recommendations[0].Reason);
        Assert.Contains("given 1 time", first.Recommendations[1].Reason);

        var forPolice = await host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "PER", Audience = "police" });
        Assert.Equal([highOnly.Name], forPolice.Recommendations.Select(r => r.Course.Name));
        await RpcAssert.InvalidArgumentAsync(() => host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "ZZZ" }).ResponseAsync, "state_code");
    }

    [Fact]
    public async Task Hemisphere_wide_needs_count_half_when_asked_for()
    {
        using var host = new TechCoopHost(directoryDown: true);
        var secretariat = host.TechCoop(TestKeys.Secretariat);
        var police = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Forensics", ["police-and-forensic-resources"]) })).Course;

        Assert.Empty((await host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "BRA" })).Recommendations);
        var withHemisphere = await host.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "BRA", IncludeHemisphereNeeds = true });
        var only = Assert.Single(withHemisphere.Recommendations);
        Assert.Equal((police.Name, 1), (only.Course.Name, only.Score));
        Assert.StartsWith("answers 1 hemisphere-wide need: police-and-forensic-resources (priority not assessed)", only.Reason);
    }

    [Fact]
    public async Task Uncovered_needs_follow_the_courses_and_their_editions()
    {
        using var host = new TechCoopHost(directoryDown: true);
        var secretariat = host.TechCoop(TestKeys.Secretariat);
        var reader = host.TechCoop();

        var initial = await reader.ListUncoveredNeedsAsync(new ListUncoveredNeedsRequest());
        Assert.Equal(["convention-and-protocols-implementation", "police-and-forensic-resources", "victim-and-witness-protection"], initial.Areas);

        var course = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Witness protection", ["victim-and-witness-protection"]) })).Course;
        Assert.DoesNotContain("victim-and-witness-protection", (await reader.ListUncoveredNeedsAsync(new ListUncoveredNeedsRequest())).Areas);
        Assert.Contains("victim-and-witness-protection", (await reader.ListUncoveredNeedsAsync(new ListUncoveredNeedsRequest { DeliveredCoursesOnly = true })).Areas);

        await secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = new CourseEdition { StartDate = Examples.Date(2010, 4, 1), Place = "x" } });
        Assert.DoesNotContain("victim-and-witness-protection", (await reader.ListUncoveredNeedsAsync(new ListUncoveredNeedsRequest { DeliveredCoursesOnly = true })).Areas);

        await secretariat.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course { Name = course.Name, ThematicAreas = { "police-and-forensic-resources" } }, UpdateMask = FieldMask.FromString("thematic_areas") });
        Assert.Equal(["convention-and-protocols-implementation", "victim-and-witness-protection"], (await reader.ListUncoveredNeedsAsync(new ListUncoveredNeedsRequest())).Areas);
    }

    [Fact]
    public async Task Suggestions_from_the_treaty_status_need_the_Treaty_service()
    {
        using var host = new TechCoopHost(directoryDown: true);
        await RpcAssert.ThrowsAsync(StatusCode.Unavailable, () => host.TechCoop().SuggestNeedsFromTreatyStatusAsync(new SuggestNeedsFromTreatyStatusRequest { StateCode = "ECU" }).ResponseAsync);
    }
}
