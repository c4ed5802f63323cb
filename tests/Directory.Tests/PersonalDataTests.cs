using System.Globalization;
using System.Text.Json;
using CsvHelper;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Least privilege: a state editor reads the personal data (person, title, e-mail, phone) of its own
/// state's contacts only, in every read that returns contacts; partners and the secretariat read all.
/// And a CSV export neutralizes cells a spreadsheet would run as formulas.
/// </summary>
public sealed class PersonalDataTests : IDisposable
{
    private const string MexicoEmail = "enlace.mexico@example.org";
    private const string PeruEmail = "enlace.peru@example.org";
    private readonly DirectoryHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<(Contact Mexico, Contact Peru)> CreateBothAsync()
    {
        var secretariat = _host.Directory(TestKeys.Secretariat);
        var mexico = PointOfContact("MEX", institution: "Secretaría de Ejemplos");
        mexico.Emails[0] = MexicoEmail;
        var peru = PointOfContact("PER", institution: "Ministerio de Ejemplos");
        peru.Emails[0] = PeruEmail;
        return (await secretariat.CreateAsync(mexico), await secretariat.CreateAsync(peru));
    }

    [Fact]
    public async Task Mexicos_editor_reads_mexicos_emails_and_other_states_contacts_without_personal_fields()
    {
        var (mexico, peru) = await CreateBothAsync();
        var editor = _host.Directory(TestKeys.MexicoEditor);

        var own = (await editor.GetContactAsync(new GetContactRequest { Name = mexico.Name })).Contact;
        var other = (await editor.GetContactAsync(new GetContactRequest { Name = peru.Name })).Contact;
        Assert.Equal((MexicoEmail, Person, Phone), (own.Emails.Single(), own.Person, own.Phones.Single()));
        AssertRedacted(other);
        Assert.Equal("Ministerio de Ejemplos", other.Institution);

        var listed = (await editor.ListContactsAsync(new ListContactsRequest { PageSize = 100 })).Contacts;
        Assert.Equal([MexicoEmail], listed.Single(c => c.Name == mexico.Name).Emails);
        AssertRedacted(listed.Single(c => c.Name == peru.Name));
        Assert.All(listed.Where(c => c.StateCode != "MEX"), AssertRedacted);

        var directory = (await editor.GetDirectoryAsync(new GetDirectoryRequest())).Contacts;
        Assert.Equal([MexicoEmail], directory.Single(c => c.Name == mexico.Name).Emails);
        AssertRedacted(directory.Single(c => c.Name == peru.Name));

        AssertRedacted(Assert.Single((await editor.GetContactHistoryAsync(new GetContactHistoryRequest { Name = peru.Name })).Revisions).Contact);
        Assert.Equal([MexicoEmail], Assert.Single((await editor.GetContactHistoryAsync(new GetContactHistoryRequest { Name = mexico.Name })).Revisions).Contact.Emails);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = editor.WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        var seen = new Dictionary<string, Contact>();
        while (seen.Count < 2 && await watch.ResponseStream.MoveNext(cts.Token))
        {
            var change = watch.ResponseStream.Current.Contact;
            if (change.Name == mexico.Name || change.Name == peru.Name)
            {
                seen[change.Name] = change;
            }
        }

        Assert.Equal([MexicoEmail], seen[mexico.Name].Emails);
        AssertRedacted(seen[peru.Name]);

        var export = await editor.ExportDirectory(new ExportDirectoryRequest { Format = ExportFormat.JsonLines }).ReadAllAsync();
        string EmailsOf(string name) => export.Select(l => JsonDocument.Parse(l.Line).RootElement)
            .Single(e => e.GetProperty("name").GetString() == name).GetProperty("emails").ToString();
        Assert.Contains(MexicoEmail, EmailsOf(mexico.Name));
        Assert.Equal("[]", EmailsOf(peru.Name));

        var rendered = (await editor.RenderDirectoryAsync(new RenderDirectoryRequest())).Document;
        Assert.Contains(MexicoEmail, rendered);
        Assert.DoesNotContain(PeruEmail, rendered);
    }

    [Fact]
    public async Task A_partner_reads_every_states_personal_data_and_an_anonymous_reader_none()
    {
        var (mexico, peru) = await CreateBothAsync();

        var partner = (await _host.Directory(TestKeys.Partner).ListContactsAsync(new ListContactsRequest { PageSize = 100 })).Contacts;
        Assert.Equal([MexicoEmail], partner.Single(c => c.Name == mexico.Name).Emails);
        Assert.Equal([PeruEmail], partner.Single(c => c.Name == peru.Name).Emails);
        var rendered = (await _host.Directory(TestKeys.Partner).RenderDirectoryAsync(new RenderDirectoryRequest())).Document;
        Assert.Contains(MexicoEmail, rendered);
        Assert.Contains(PeruEmail, rendered);

        var anonymous = (await _host.Directory().ListContactsAsync(new ListContactsRequest { PageSize = 100 })).Contacts;
        Assert.All(anonymous, AssertRedacted);
    }

    [Fact]
    public async Task Cells_starting_with_a_formula_prefix_are_exported_quoted_behind_a_single_quote()
    {
        var secretariat = _host.Directory(TestKeys.Secretariat);
        var contact = PointOfContact("CHL", institution: "=HYPERLINK(\"http://evil.example\",\"x\")");
        contact.Office = "+1+cmd|' /C calc'!A0";
        contact.OfficeHours = "-2+3";
        contact.PostalAddress = "@SUM(1,1)";
        contact.Person = "=1+1";
        var created = await secretariat.CreateAsync(contact);

        var lines = await _host.Directory(TestKeys.Partner).ExportDirectory(new ExportDirectoryRequest { Format = ExportFormat.Csv, StateCode = "CHL" }).ReadAllAsync();
        var line = lines.Single(l => l.Line.StartsWith(created.Name, StringComparison.Ordinal)).Line;
        using var reader = new StringReader(line);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        var row = csv.Record!;

        // Every such cell is quoted in the file and begins with a single quote, so no spreadsheet reads it as a formula.
        foreach (var (column, value) in new[] { (4, contact.Institution), (5, contact.Office), (6, contact.Person), (10, contact.PostalAddress), (13, contact.OfficeHours) })
        {
            Assert.Equal("'" + value, row[column]);
            Assert.Contains("\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", line, StringComparison.Ordinal);
        }
        Assert.Equal("CHL", row[1]);
    }

    private static void AssertRedacted(Contact contact)
    {
        Assert.Equal(("", "", 0, 0), (contact.Person, contact.Title, contact.Emails.Count, contact.Phones.Count));
    }
}
