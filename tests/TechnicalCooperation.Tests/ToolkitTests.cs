using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public class ToolkitTests(TechCoopFixture fixture) : IClassFixture<TechCoopFixture>
{
    private TechnicalCooperationService.TechnicalCooperationServiceClient Secretariat => fixture.Host.TechCoop(TestKeys.Secretariat);

    private TechnicalCooperationService.TechnicalCooperationServiceClient Anonymous => fixture.Host.TechCoop();

    [Fact]
    public async Task The_secretariat_adds_a_course_and_anyone_reads_it_back()
    {
        var created = (await Secretariat.CreateCourseAsync(new CreateCourseRequest
        {
            Course = Examples.Course("Financial investigation for prosecutors", ["toolkit-read-back"], ["prosecutors", "judges"], ["es", "en"]),
        })).Course;

        Assert.StartsWith("courses/", created.Name);
        Assert.NotEmpty(created.Etag);
        var read = (await Anonymous.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course;
        Assert.Equal(created, read);
        Assert.Equal(["prosecutors", "judges"], read.Audiences);
        Assert.Null(read.PointOfContactDetails);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData(TestKeys.Partner, StatusCode.PermissionDenied)]
    [InlineData(TestKeys.MexicoEditor, StatusCode.PermissionDenied)]
    public async Task Only_the_secretariat_edits_the_toolkit(string? key, StatusCode expected)
    {
        var client = fixture.Host.TechCoop(key);
        var target = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Target of refused edits", ["toolkit-auth-target"]) })).Course;
        var before = await ToolkitAsync();

        await RpcAssert.ThrowsAsync(expected, () => client.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Refused", ["toolkit-auth"]) }).ResponseAsync);
        await RpcAssert.ThrowsAsync(expected, () => client.RecordEditionAsync(new RecordEditionRequest { Parent = target.Name, Edition = new CourseEdition { Place = "x", StartDate = Examples.Date(2010, 1, 1) } }).ResponseAsync);
        Assert.Equal(before, await ToolkitAsync());
    }

    [Fact]
    public async Task A_bad_course_is_refused_with_every_field_named_and_nothing_written()
    {
        var bad = new Course { Title = "", Kind = CourseKind.Unspecified, DurationHours = -4, PointOfContact = "people/1", Languages = { "not a tag" } };
        bad.ThematicAreas.Add("Toolkit Bad Area!");
        var before = await ToolkitAsync();

        var error = await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = bad }).ResponseAsync,
            "course.title", "course.kind", "course.duration_hours", "course.point_of_contact", "course.languages[0]", "course.thematic_areas[0]");
        Assert.Equal(6, error.FieldViolations.Count);
        Assert.Equal(before, await ToolkitAsync());
    }

    /// <summary>The whole toolkit as anyone reads it: every course, each with its editions.</summary>
    private async Task<string> ToolkitAsync()
    {
        var courses = new List<string>();
        var request = new ListCoursesRequest { PageSize = 100 };
        do
        {
            var page = await Anonymous.ListCoursesAsync(request);
            foreach (var course in page.Courses)
            {
                courses.Add((await Anonymous.GetCourseAsync(new GetCourseRequest { Name = course.Name })).ToString());
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return string.Join("\n", courses);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_request_id_returns_the_first_course()
    {
        var request = new CreateCourseRequest { Course = Examples.Course("Retried", ["toolkit-retry"]), RequestId = Guid.NewGuid().ToString() };

        var first = (await Secretariat.CreateCourseAsync(request)).Course;
        var second = (await Secretariat.CreateCourseAsync(request)).Course;

        Assert.Equal(first.Name, second.Name);
        Assert.Equal(1, (await Anonymous.ListCoursesAsync(new ListCoursesRequest { ThematicArea = "toolkit-retry" })).TotalSize);
    }

    [Fact]
    public async Task Courses_are_filtered_by_area_audience_language_delivery_kind_and_provider_and_paged()
    {
        const string area = "toolkit-filters";
        var specs = new[]
        {
            Examples.Course("A", [area], ["judges"], ["es"], CourseKind.Course, CourseDelivery.Online, "Provider One"),
            Examples.Course("B", [area], ["police"], ["en"], CourseKind.Workshop, CourseDelivery.InPerson, "Provider Two"),
            Examples.Course("C", [area, "other-area"], ["judges", "police"], ["en", "fr"], CourseKind.Seminar, CourseDelivery.Online, "Provider One"),
        };
        foreach (var spec in specs)
        {
            await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = spec });
        }

        async Task<string[]> Titles(ListCoursesRequest r)
        {
            r.ThematicArea = area;
            return (await Anonymous.ListCoursesAsync(r)).Courses.Select(c => c.Title).ToArray();
        }

        Assert.Equal(["A", "B", "C"], await Titles(new ListCoursesRequest()));
        Assert.Equal(["A", "C"], await Titles(new ListCoursesRequest { Audience = "judges" }));
        Assert.Equal(["B", "C"], await Titles(new ListCoursesRequest { Language = "EN" }));
        Assert.Equal(["A", "C"], await Titles(new ListCoursesRequest { Delivery = CourseDelivery.Online }));
        Assert.Equal(["C"], await Titles(new ListCoursesRequest { Kind = CourseKind.Seminar }));
        Assert.Equal(["A", "C"], await Titles(new ListCoursesRequest { Provider = "provider one" }));

        var page1 = await Anonymous.ListCoursesAsync(new ListCoursesRequest { ThematicArea = area, PageSize = 2 });
        var page2 = await Anonymous.ListCoursesAsync(new ListCoursesRequest { ThematicArea = area, PageSize = 2, PageToken = page1.NextPageToken });
        Assert.Equal((3, 2, 1, ""), (page1.TotalSize, page1.Courses.Count, page2.Courses.Count, page2.NextPageToken));
        await RpcAssert.InvalidArgumentAsync(() => Anonymous.ListCoursesAsync(new ListCoursesRequest { PageToken = "forged" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task An_update_changes_only_the_masked_fields_and_a_stale_etag_is_refused()
    {
        var created = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Before", ["toolkit-update"]) })).Course;
        _ = await Anonymous.GetCourseAsync(new GetCourseRequest { Name = created.Name }); // cached now

        var change = new Course { Name = created.Name, Title = "After", Provider = "ignored, not in the mask", Etag = created.Etag };
        var updated = (await Secretariat.UpdateCourseAsync(new UpdateCourseRequest { Course = change, UpdateMask = FieldMask.FromString("title") })).Course;

        Assert.Equal(("After", "Example provider"), (updated.Title, updated.Provider));
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal("After", (await Anonymous.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course.Title);

        change.Title = "Lost update";
        await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => Secretariat.UpdateCourseAsync(new UpdateCourseRequest { Course = change, UpdateMask = FieldMask.FromString("title") }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course { Name = created.Name }, UpdateMask = FieldMask.FromString("etag") }).ResponseAsync,
            "update_mask");
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Secretariat.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course { Name = "courses/999999", Title = "x" }, UpdateMask = FieldMask.FromString("title") }).ResponseAsync);
        Assert.Equal("After", (await Anonymous.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course.Title);
    }

    [Fact]
    public async Task Editions_with_participants_by_state_appear_on_the_course_in_date_order()
    {
        var course = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Given twice", ["toolkit-editions"]) })).Course;
        var later = new CourseEdition { StartDate = Examples.Date(2011, 5, 2), EndDate = Examples.Date(2011, 5, 6), Place = "Lima, Peru", Participants = { new StateParticipants { StateCode = "per", Count = 20 }, new StateParticipants { StateCode = "BOL", Count = 5 } } };
        var earlier = new CourseEdition { StartDate = Examples.Date(2010, 9, 1), Place = "online" };

        var recorded = (await Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = later })).Edition;
        await Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = earlier });

        Assert.Matches($"^{course.Name}/editions/\\d+$", recorded.Name);
        Assert.Equal(25, recorded.TotalParticipants);
        var read = await Anonymous.GetCourseAsync(new GetCourseRequest { Name = course.Name });
        Assert.Equal(["online", "Lima, Peru"], read.Editions.Select(e => e.Place));
        Assert.Equal(2, read.Course.EditionCount);
        Assert.Equal(["BOL", "PER"], read.Editions[1].Participants.Select(p => p.StateCode));
    }

    [Fact]
    public async Task An_edition_with_a_bad_date_or_a_state_that_is_not_a_member_is_refused()
    {
        var course = (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Edition checks", ["toolkit-edition-checks"]) })).Course;
        var bad = new CourseEdition
        {
            StartDate = Examples.Date(2010, 2, 30),
            Place = "",
            Participants = { new StateParticipants { StateCode = "MEX", Count = 0 } },
        };
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = bad }).ResponseAsync,
            "edition.start_date", "edition.place", "edition.participants[0].count");

        var notMember = new CourseEdition { StartDate = Examples.Date(2010, 2, 1), Place = "Madrid", Participants = { new StateParticipants { StateCode = "ESP", Count = 3 } } };
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = course.Name, Edition = notMember }).ResponseAsync,
            "edition.participants[0].state_code");
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Secretariat.RecordEditionAsync(new RecordEditionRequest { Parent = "courses/999999", Edition = new CourseEdition { StartDate = Examples.Date(2010, 2, 1), Place = "x" } }).ResponseAsync);
        Assert.Empty((await Anonymous.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Editions);
    }
}

public sealed class ToolkitTestsOnPostgres(PostgresTechCoopFixture fixture) : ToolkitTests(fixture), IClassFixture<PostgresTechCoopFixture>;
