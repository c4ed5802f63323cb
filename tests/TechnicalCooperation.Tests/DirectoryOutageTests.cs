using Grpc.Core;
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
        var started = DateTime.UtcNow;
        await RpcAssert.ThrowsAsync(StatusCode.Unavailable, () => secretariat.CreateCourseAsync(new CreateCourseRequest { Course = withContact }).ResponseAsync);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the check waited too long on the dead Directory");

        var list = await host.TechCoop().ListCoursesAsync(new ListCoursesRequest { ThematicArea = "outage-area" });
        Assert.Equal([plain.Name], list.Courses.Select(c => c.Name));
        // State codes are accepted unverified while the register cannot be reached.
        Assert.Equal("MEX", (await host.TechCoop().GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { StateCode = "mex" })).StateCode);
    }
}
