using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public sealed class RenderTests : IDisposable
{
    private readonly TestClock _clock = new(new DateTimeOffset(2009, 10, 8, 12, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHost _host;

    public RenderTests() => _host = new DirectoryHost().WithClock(_clock);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_directory_of_national_points_of_contact_reads_like_the_meeting_document()
    {
        var mexico = PointOfContact("MEX", institution: "Secretariat of Examples [test] *bold*");
        await _host.Directory(TestKeys.Secretariat).CreateAsync(mexico);
        await _host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("MEX", ContactRole.Courses, institution: "Course office"));

        var rendered = await _host.Directory().RenderDirectoryAsync(new RenderDirectoryRequest { Role = ContactRole.NationalPointOfContact });
        var document = rendered.Document;

        Assert.Equal("text/markdown", rendered.MediaType);
        Assert.StartsWith("# Directory of National Points of Contact\n", document);
        Assert.Contains("As of 8 October 2009: 1 of 35 member states have reported a national point of contact with the technical group.", document);
        Assert.Contains("## Mexico (MEX)\n", document);
        Assert.Contains("- **Institution:** Secretariat of Examples \\[test\\] \\*bold\\*", document);
        Assert.DoesNotContain("Course office", document);
        Assert.Contains("## Argentina (ARG)\n\nNo contact reported.", document);
        Assert.Contains("Announced on 2009-10-07 (GT/DOT-II/doc.9/09), awaited:", document[document.IndexOf("## Peru (PER)", StringComparison.Ordinal)..]);
        Assert.DoesNotContain(Person, document);
        Assert.DoesNotContain(Email, document);
        Assert.DoesNotContain(Phone, document);
        Assert.True(document.IndexOf("## Antigua and Barbuda", StringComparison.Ordinal) < document.IndexOf("## Uruguay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partners_see_names_and_addresses_and_plain_text_is_offered_too()
    {
        await _host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("PER"));

        var rendered = await _host.Directory(TestKeys.Partner).RenderDirectoryAsync(new RenderDirectoryRequest
        {
            Format = DocumentFormat.PlainText,
            StateCode = "PER",
        });

        Assert.Equal("text/plain", rendered.MediaType);
        Assert.StartsWith("Directory of Contacts\n=====================\n", rendered.Document);
        Assert.Contains("Peru (PER)\n----------", rendered.Document);
        Assert.Contains($"    Person: {Person}, {Title}", rendered.Document);
        Assert.Contains($"    E-mail: {Email}", rendered.Document);
        Assert.Contains($"    Telephone: {Phone}", rendered.Document);
        Assert.DoesNotContain("Mexico (MEX)", rendered.Document);

        // Peru's point of contact was recorded after the meeting opened its request: it is no longer awaited.
        Assert.DoesNotContain("Announced on", rendered.Document);
    }

    [Fact]
    public async Task The_directory_of_a_past_day_is_rendered_as_it_stood_then()
    {
        await _host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("GTM"));
        var before = await _host.Directory().RenderDirectoryAsync(new RenderDirectoryRequest { StateCode = "GTM", AsOf = Date(2009, 10, 7) });

        Assert.Contains("No contact reported.", before.Document);
        Assert.Contains("Announced on 2009-10-07", before.Document);
    }
}
