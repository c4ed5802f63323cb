using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.TechnicalCooperation.Clients;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public sealed class DirectoryOutageTests
{
    [Fact]
    public async Task With_the_Directory_down_the_toolkit_is_still_read_and_edited_but_no_contact_can_be_checked()
    {
        using var host = new TechCoopHost(directoryDown: true);
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        var plain = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("No contact", ["outage-area"]) })).Course;
        var withContact = Examples.Course("With contact", ["outage-area"]);
        withContact.PointOfContact = "contacts/abc123";
        var refused = await RpcAssert.ThrowsAsync(StatusCode.Unavailable, () => secretariat.CreateCourseAsync(new CreateCourseRequest { Course = withContact }).ResponseAsync);
        Assert.Contains("Directory", refused.Status.Detail);

        var list = await host.TechCoop().ListCoursesAsync(new ListCoursesRequest { ThematicArea = "outage-area" });
        Assert.Equal([plain.Name], list.Courses.Select(c => c.Name));
        // State codes are accepted unverified while the register cannot be reached.
        Assert.Equal("MEX", (await host.TechCoop().GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { StateCode = "mex" })).StateCode);
    }

    [Fact]
    public async Task A_Directory_outage_is_remembered_so_no_check_waits_on_it_again_until_the_pause_is_over()
    {
        var clock = new MovableClock();
        var sent = new OutgoingCalls(MeshResources.Directory);
        using var host = new TechCoopHost(directoryDown: true);
        host.WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            sent.AddTo(services);
        });
        var secretariat = host.TechCoop(TestKeys.Secretariat);

        async Task CheckRefusedAsync(string contact)
        {
            var course = Examples.Course($"Names {contact}", ["outage-memory"]);
            course.PointOfContact = contact;
            await RpcAssert.ThrowsAsync(StatusCode.Unavailable, () => secretariat.CreateCourseAsync(new CreateCourseRequest { Course = course }).ResponseAsync);
        }

        await CheckRefusedAsync("contacts/first");
        var tried = sent.Count("GetContact");
        Assert.True(tried > 0, "the first check never asked the Directory");

        await CheckRefusedAsync("contacts/second");
        Assert.Equal(tried, sent.Count("GetContact"));

        clock.Advance(DirectoryOutage.Pause + TimeSpan.FromSeconds(1));
        await CheckRefusedAsync("contacts/third");
        Assert.True(sent.Count("GetContact") > tried, "the Directory was not asked again once the pause was over");
        Assert.Equal(0, (await host.TechCoop().ListCoursesAsync(new ListCoursesRequest { ThematicArea = "outage-memory" })).TotalSize);
    }
}
