using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using Dir = TocMesh.Directory.V1;

namespace TocMesh.TechnicalCooperation.Tests;

public class PointOfContactTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>An invented contact on example.org; no real person's data.</summary>
    private static Dir.Contact CoursesContact() => new()
    {
        StateCode = "CHL",
        Role = Dir.ContactRole.Courses,
        Institution = "Ministry of Examples",
        Office = "Office of Example Training",
        Person = "Alex Example-Fixture",
        Emails = { "alex.fixture@example.org" },
        Languages = { "es", "en" },
        Channels = { Dir.ContactChannel.Email },
        ValidFrom = Examples.Date(2009, 1, 1),
    };

    [Fact]
    public async Task A_course_names_a_Directory_contact_shown_resolved_and_an_outage_later_shows_only_its_name()
    {
        string folder;
        string courseName;
        using (var host = new TechCoopHost(provider: Provider))
        {
            folder = host.DataFolder;
            var contact = (await host.DirectoryClient(TestKeys.Secretariat).CreateContactAsync(new Dir.CreateContactRequest { Contact = CoursesContact() })).Contact;
            var course = Examples.Course("With a point of contact", ["contact-area"]);
            course.PointOfContact = contact.Name;

            var created = (await host.TechCoop(TestKeys.Secretariat).CreateCourseAsync(new CreateCourseRequest { Course = course })).Course;
            courseName = created.Name;
            var read = (await host.TechCoop().GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course;

            Assert.Equal(contact.Name, read.PointOfContact);
            Assert.True(read.PointOfContactDetails.Resolved);
            Assert.Equal(("CHL", "Ministry of Examples", "Office of Example Training"), (read.PointOfContactDetails.StateCode, read.PointOfContactDetails.Institution, read.PointOfContactDetails.Office));
        }

        using var restarted = new TechCoopHost(dataFolder: folder, directoryDown: true, provider: Provider);
        var duringOutage = (await restarted.TechCoop().GetCourseAsync(new GetCourseRequest { Name = courseName })).Course;
        Assert.StartsWith("contacts/", duringOutage.PointOfContact);
        Assert.Equal((duringOutage.PointOfContact, false, ""), (duringOutage.PointOfContactDetails.Contact, duringOutage.PointOfContactDetails.Resolved, duringOutage.PointOfContactDetails.Institution));
        var listed = Assert.Single((await restarted.TechCoop().ListCoursesAsync(new ListCoursesRequest { ThematicArea = "contact-area" })).Courses);
        Assert.False(listed.PointOfContactDetails.Resolved);
    }

    [Fact]
    public async Task A_contact_the_Directory_does_not_know_is_refused_and_nothing_is_written()
    {
        using var host = new TechCoopHost(provider: Provider);
        var course = Examples.Course("Unknown contact", ["contact-unknown"]);
        course.PointOfContact = "contacts/does-not-exist";

        await RpcAssert.InvalidArgumentAsync(() => host.TechCoop(TestKeys.Secretariat).CreateCourseAsync(new CreateCourseRequest { Course = course }).ResponseAsync, "course.point_of_contact");
        Assert.Equal(0, (await host.TechCoop().ListCoursesAsync(new ListCoursesRequest { ThematicArea = "contact-unknown" })).TotalSize);
    }
}

public sealed class PointOfContactTestsOnPostgres : PointOfContactTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
