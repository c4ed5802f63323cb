using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using Dir = TocMesh.Directory.V1;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>A course's point of contact is resolved through the Directory; the person behind it never reaches TechnicalCooperation's logs or traces.</summary>
public sealed class PrivacyTelemetryTests
{
    private const string SecretPerson = "Quentin Fixture-Privacy";
    private const string SecretEmail = "quentin.privacy@example.org";
    private const string SecretPhone = "+12025550177";

    [Fact]
    public async Task Courses_with_a_point_of_contact_leave_no_personal_data_in_exported_logs_or_traces()
    {
        var telemetry = new TelemetryCapture();
        using var host = new TechCoopHost();
        host.WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithServices(telemetry.AddTo);
        var contact = (await host.DirectoryClient(TestKeys.Secretariat).CreateContactAsync(new Dir.CreateContactRequest
        {
            Contact = new Dir.Contact
            {
                StateCode = "CHL",
                Role = Dir.ContactRole.Courses,
                Institution = "Ministry of Examples",
                Office = "Office of Example Training",
                Person = SecretPerson,
                Emails = { SecretEmail },
                Phones = { SecretPhone },
                Languages = { "es" },
                Channels = { Dir.ContactChannel.Email },
                ValidFrom = Examples.Date(2009, 1, 1),
            },
        })).Contact;
        var course = Examples.Course("With a point of contact", ["privacy-area"]);
        course.PointOfContact = contact.Name;

        var secretariat = host.TechCoop(TestKeys.Secretariat);
        var created = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = course })).Course;
        await secretariat.GetCourseAsync(new GetCourseRequest { Name = created.Name });
        await host.TechCoop(TestKeys.Partner).ListCoursesAsync(new ListCoursesRequest { ThematicArea = "privacy-area" });
        await secretariat.RecordNeedAsync(new RecordNeedRequest { Need = Examples.Need("CHL", "privacy-area") });
        await secretariat.RecommendCoursesAsync(new RecommendCoursesRequest { StateCode = "CHL" });
        await secretariat.RequestCurriculumAsync(new RequestCurriculumRequest
        {
            CurriculumRequest = new CurriculumRequest { StateCode = "CHL", Kind = CurriculumRequestKind.Curriculum, Course = created.Name, Description = "Please send the curriculum." },
        });

        Assert.Contains(telemetry.Spans, s => s.Contains("GetContact"));
        telemetry.AssertNoneContains(SecretPerson, SecretEmail, SecretPhone, "quentin");
    }
}
