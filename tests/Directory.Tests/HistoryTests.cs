using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>Every change is kept (who, when, why, what), and the directory can be read as it stood on any day.</summary>
public class HistoryTests : IDisposable
{
    private readonly TestClock _clock = new(new DateTimeOffset(2010, 1, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHost _host;

    public HistoryTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected HistoryTests(DatabaseProvider provider) => _host = new DirectoryHost(provider: provider).WithClock(_clock);

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_history_says_who_changed_what_when_and_why_for_every_revision()
    {
        var secretariat = _host.Directory(TestKeys.Secretariat);
        var mexico = _host.Directory(TestKeys.MexicoEditor);
        var created = await secretariat.CreateAsync(PointOfContact("MEX"), reason: "Directory GT/DOT-II/doc.9/09");

        _clock.Set(new DateTimeOffset(2010, 2, 1, 9, 30, 0, TimeSpan.Zero));
        var updated = (await mexico.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Person = "Sam Example-Successor", Emails = { "sam.successor@example.org" } },
            UpdateMask = Mask("person", "emails", "office"),
            Reason = "New appointment notified by the ministry",
        })).Contact;

        _clock.Set(new DateTimeOffset(2011, 6, 30, 16, 0, 0, TimeSpan.Zero));
        await secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = updated.Etag, Reason = "Office closed" });

        var history = (await _host.Directory(TestKeys.Partner).GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name })).Revisions;

        Assert.Equal([1L, 2L, 3L], history.Select(r => r.Revision));
        Assert.Equal([RevisionKind.Created, RevisionKind.Updated, RevisionKind.Retired], history.Select(r => r.Kind));
        Assert.Equal(["OAS General Secretariat", "Mexico, Ministry of Foreign Affairs", "OAS General Secretariat"], history.Select(r => r.ChangedBy));
        Assert.Equal(["Directory GT/DOT-II/doc.9/09", "New appointment notified by the ministry", "Office closed"], history.Select(r => r.Reason));
        Assert.Equal(new DateTime(2010, 2, 1, 9, 30, 0, DateTimeKind.Utc), history[1].ChangeTime.ToDateTime());
        Assert.Contains("institution", history[0].ChangedFields);
        Assert.Contains("emails", history[0].ChangedFields);
        Assert.Equal(["office", "person", "emails"], history[1].ChangedFields);
        Assert.Equal(["valid_to", "retired"], history[2].ChangedFields);
        Assert.Equal(Person, history[0].Contact.Person);
        Assert.Equal("Sam Example-Successor", history[1].Contact.Person);
        Assert.Equal(Date(2011, 6, 30), history[2].Contact.ValidTo);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public async Task The_directory_of_a_date_shows_each_contact_as_it_stood_that_day()
    {
        var secretariat = _host.Directory(TestKeys.Secretariat);
        var peru = await secretariat.CreateAsync(PointOfContact("PER", institution: "Ministry of the Interior (example)"));
        var ecuador = await secretariat.CreateAsync(PointOfContact("ECU"));

        _clock.Set(new DateTimeOffset(2010, 5, 10, 12, 0, 0, TimeSpan.Zero));
        await secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = peru.Name, Etag = peru.Etag, Institution = "Ministry of Justice (example)" },
            UpdateMask = Mask("institution"),
        });

        _clock.Set(new DateTimeOffset(2010, 9, 1, 12, 0, 0, TimeSpan.Zero));
        await secretariat.RetireContactAsync(new RetireContactRequest { Name = ecuador.Name, Etag = ecuador.Etag });
        var colombia = PointOfContact("COL");
        colombia.ValidFrom = Date(2010, 9, 1);
        await secretariat.CreateAsync(colombia);

        async Task<GetDirectoryResponse> On(int y, int m, int d, string state = "") =>
            await _host.Directory().GetDirectoryAsync(new GetDirectoryRequest { AsOf = Date(y, m, d), StateCode = state });

        Assert.Empty((await On(2010, 1, 3)).Contacts);

        var january = await On(2010, 1, 4);
        Assert.Equal(["ECU", "PER"], january.Contacts.Select(c => c.StateCode));
        Assert.Equal("Ministry of the Interior (example)", january.Contacts[1].Institution);
        Assert.Equal("", january.Contacts[1].Person);

        var june = await On(2010, 6, 1, "PER");
        Assert.Equal("Ministry of Justice (example)", june.Contacts.Single().Institution);
        Assert.Equal(2, june.Contacts.Single().Revision);

        var september = await On(2010, 9, 1);
        Assert.Equal(["COL", "PER"], september.Contacts.Select(c => c.StateCode));
        Assert.True(september.Sequence > january.Sequence);

        // With what is known now, who served on 5 January 2010: Ecuador's contact did (it was retired later).
        var knownNow = await _host.Directory().GetDirectoryAsync(new GetDirectoryRequest { AsOf = Date(2010, 1, 5), RecordedAsOf = Date(2010, 9, 1) });
        Assert.Equal(["ECU", "PER"], knownNow.Contacts.Select(c => c.StateCode));
        Assert.Equal("Ministry of Justice (example)", knownNow.Contacts[1].Institution);
    }
}

public sealed class HistoryTestsOnPostgres() : HistoryTests(DatabaseProvider.Postgres);
