using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public sealed class ContactValidationTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    private DirectoryService.DirectoryServiceClient Secretariat => fixture.Host.Directory(TestKeys.Secretariat);

    public static TheoryData<string, Action<Contact>> BadContacts => new()
    {
        { "contact.emails[0]", c => { c.Emails.Clear(); c.Emails.Add("not-an-address"); } },
        { "contact.emails[1]", c => c.Emails.Add("someone@localhost") },
        { "contact.phones[0]", c => { c.Phones.Clear(); c.Phones.Add("(202) 555-0143"); } },
        { "contact.phones[0]", c => { c.Phones.Clear(); c.Phones.Add("+0012025550143"); } },
        { "contact.phones[1]", c => c.Phones.Add("+1202") },
        { "contact.languages[0]", c => { c.Languages.Clear(); c.Languages.Add("spanish language"); } },
        { "contact.languages[2]", c => c.Languages.Add("e") },
        { "contact.state_code", c => c.StateCode = "FRA" },
        { "contact.state_code", c => c.StateCode = "MX" },
        { "contact.role", c => c.Role = ContactRole.Unspecified },
        { "contact.instrument_id", c => { c.Role = ContactRole.PalermoAuthority; c.InstrumentId = "cifta"; } },
        { "contact.instrument_id", c => c.InstrumentId = "untoc" },
        { "contact.channels[0]", c => c.Channels.Insert(0, ContactChannel.Unspecified) },
        { "contact.time_zone", c => c.TimeZone = "Mexico City time" },
        { "contact.time_zone", c => c.TimeZone = "America/Atlantis" },
        { "contact.institution", c => c.Institution = " " },
        { "contact.valid_to", c => c.ValidTo = Date(2008, 12, 31) },
        { "contact.valid_from", c => c.ValidFrom = Date(2009, 2, 30) },
        { "contact.last_verified", c => c.LastVerified = Date(9999, 1, 1) },
    };

    [Theory]
    [MemberData(nameof(BadContacts))]
    public async Task A_bad_contact_is_refused_naming_the_field_and_nothing_is_written(string field, Action<Contact> spoil)
    {
        var contact = PointOfContact("DMA");
        spoil(contact);
        var before = await Secretariat.RecordAsync();

        var badRequest = await RpcAssert.InvalidArgumentAsync(() => Secretariat.CreateContactAsync(new CreateContactRequest { Contact = contact }).ResponseAsync, field);

        // Whatever state the spoiled contact names (FRA, MX), nothing anywhere was written.
        Assert.Equal(before, await Secretariat.RecordAsync());
        // Personal values are never echoed back in the description (it may end up in a log).
        Assert.All(badRequest.FieldViolations, v => Assert.DoesNotContain("@", v.Description.Replace("name@example.org", "")));
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_at_once()
    {
        var contact = PointOfContact("DMA");
        contact.Emails.Add("bad");
        contact.Phones.Add("bad");
        contact.Languages.Add("bad language");
        contact.TimeZone = "nowhere";
        contact.StateCode = "DM";
        var before = await Secretariat.RecordAsync();

        var badRequest = await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.CreateContactAsync(new CreateContactRequest { Contact = contact, RequestId = "not-a-uuid" }).ResponseAsync,
            "contact.state_code", "contact.emails[1]", "contact.phones[1]", "contact.languages[2]", "contact.time_zone", "request_id");
        Assert.Equal(6, badRequest.FieldViolations.Count);
        Assert.Equal(before, await Secretariat.RecordAsync());
    }

    [Fact]
    public async Task A_bad_update_is_refused_and_leaves_the_contact_as_it_was()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("GRD"));
        var change = new Contact { Name = created.Name, Etag = created.Etag, Phones = { "555-0143" }, Office = "Changed" };

        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change, UpdateMask = Mask("phones", "office") }).ResponseAsync,
            "contact.phones[0]");

        var after = (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(created, after);
        Assert.Single((await Secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name })).Revisions);
    }

    [Fact]
    public async Task Values_are_kept_in_their_canonical_form()
    {
        var contact = PointOfContact("GUY");
        contact.Emails.Clear();
        contact.Emails.Add("Desk.Officer@Example.ORG");
        contact.Emails.Add("desk.officer@example.org");
        contact.Languages.Clear();
        contact.Languages.Add("EN-gb");
        contact.Languages.Add("zh-hant-TW");

        var created = await Secretariat.CreateAsync(contact);

        Assert.Equal(["Desk.Officer@example.org"], created.Emails);
        Assert.Equal(["en-GB", "zh-Hant-TW"], created.Languages);
    }
}
