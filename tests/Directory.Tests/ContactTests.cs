using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public class ContactTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    private DirectoryService.DirectoryServiceClient Secretariat => fixture.Host.Directory(TestKeys.Secretariat);

    [Fact]
    public async Task A_recorded_contact_can_be_read_back_with_every_field()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("ARG"), reason: "Note of the mission");

        Assert.StartsWith("contacts/", created.Name);
        Assert.Equal("1", created.Etag);
        Assert.Equal(1, created.Revision);

        var read = (await fixture.Host.Directory(TestKeys.Partner).GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(created, read);
        Assert.Equal(("ARG", ContactRole.NationalPointOfContact, "Ministry of Examples"), (read.StateCode, read.Role, read.Institution));
        Assert.Equal([Email], read.Emails);
        Assert.Equal([Phone], read.Phones);
        Assert.Equal(["es", "en"], read.Languages);
        Assert.Equal([ContactChannel.Email, ContactChannel.Diplomatic], read.Channels);
        Assert.Equal("America/Mexico_City", read.TimeZone);
        Assert.Equal(Date(2009, 1, 1), read.ValidFrom);
        Assert.Equal("GT/DOT-II/doc.9/09", read.SourceDocument);
    }

    [Fact]
    public async Task Anonymous_readers_see_the_institution_but_not_the_person_title_emails_or_phones()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("BHS"));

        var anonymous = (await fixture.Host.Directory().GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(("Ministry of Examples", "Office of Example Affairs"), (anonymous.Institution, anonymous.Office));
        Assert.Equal(("", ""), (anonymous.Person, anonymous.Title));
        Assert.Empty(anonymous.Emails);
        Assert.Empty(anonymous.Phones);

        var listed = (await fixture.Host.Directory().ListContactsAsync(new ListContactsRequest { StateCode = "BHS" })).Contacts.Single();
        Assert.Equal("", listed.Person);
        Assert.Empty(listed.Emails);

        var history = await fixture.Host.Directory().GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name });
        Assert.All(history.Revisions, r => Assert.Equal("", r.Contact.Person));

        foreach (var key in new[] { TestKeys.Partner, TestKeys.Secretariat })
        {
            var known = (await fixture.Host.Directory(key).GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
            Assert.Equal(Person, known.Person);
            Assert.Equal([Email], known.Emails);
        }

        // Another state's editor reads it as an anonymous reader does (least privilege).
        var otherEditor = (await fixture.Host.Directory(TestKeys.PeruEditor).GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(("", 0), (otherEditor.Person, otherEditor.Emails.Count));
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_in_the_mask_and_a_read_right_after_sees_it()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("BRB"));
        var before = (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;

        var change = new Contact { Name = created.Name, Etag = created.Etag, Office = "New Office of Examples", Institution = "ignored, not in the mask" };
        change.Emails.Add("desk@example.org");
        var updated = (await Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = change,
            UpdateMask = Mask("office", "emails"),
            Reason = "Letter of the ministry",
        })).Contact;

        Assert.Equal("2", updated.Etag);
        var after = (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact;
        Assert.Equal(updated, after);
        Assert.NotEqual(before, after);
        Assert.Equal("New Office of Examples", after.Office);
        Assert.Equal(["desk@example.org"], after.Emails);
        Assert.Equal("Ministry of Examples", after.Institution);
        Assert.Equal([Phone], after.Phones);
    }

    [Fact]
    public async Task State_role_and_instrument_never_change_through_an_update()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("BLZ"));
        var change = new Contact { Name = created.Name, Etag = created.Etag, StateCode = "MEX" };

        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change, UpdateMask = Mask("state_code") }).ResponseAsync,
            "update_mask");
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change, UpdateMask = Mask("no_such_field") }).ResponseAsync,
            "update_mask");
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change }).ResponseAsync,
            "update_mask");
        Assert.Equal("BLZ", (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.StateCode);
    }

    [Fact]
    public async Task A_retired_contact_leaves_the_list_stays_readable_and_cannot_be_changed()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("BOL"));
        var retired = (await Secretariat.RetireContactAsync(new RetireContactRequest
        {
            Name = created.Name,
            Etag = created.Etag,
            ValidTo = Date(2010, 3, 1),
            Reason = "Replaced",
        })).Contact;

        Assert.True(retired.Retired);
        Assert.Equal(Date(2010, 3, 1), retired.ValidTo);
        Assert.Empty((await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "BOL" })).Contacts);
        Assert.Single((await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "BOL", IncludeRetired = true })).Contacts);

        var e = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = retired.Etag, Office = "x" },
            UpdateMask = Mask("office"),
        }).ResponseAsync);
        Assert.Equal("CONTACT_RETIRED", e.ErrorInfo()?.Reason);
        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => Secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = retired.Etag }).ResponseAsync);
    }

    [Fact]
    public async Task Contacts_are_listed_by_state_role_instrument_and_language_across_pages()
    {
        await Secretariat.CreateAsync(PointOfContact("CHL"));
        await Secretariat.CreateAsync(PointOfContact("CHL", ContactRole.Courses));
        var palermo = PointOfContact("CHL", ContactRole.PalermoAuthority);
        palermo.InstrumentId = "untoc-tip";
        palermo.Languages.Clear();
        palermo.Languages.Add("pt-br");
        await Secretariat.CreateAsync(palermo);
        await Secretariat.CreateAsync(PointOfContact("CAN", ContactRole.Courses));

        Assert.Equal(3, (await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "chl" })).Contacts.Count);
        var courses = (await Secretariat.ListContactsAsync(new ListContactsRequest { Role = ContactRole.Courses, PageSize = 100 })).Contacts;
        Assert.Contains(courses, c => c.StateCode == "CAN");
        Assert.All(courses, c => Assert.Equal(ContactRole.Courses, c.Role));

        var tip = (await Secretariat.ListContactsAsync(new ListContactsRequest { InstrumentId = "untoc-tip" })).Contacts.Single();
        Assert.Equal(["pt-BR"], tip.Languages);
        Assert.Equal(tip, (await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "CHL", Language = "pt" })).Contacts.Single());
        Assert.Equal(2, (await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "CHL", Language = "es" })).Contacts.Count);

        var paged = new List<Contact>();
        var token = "";
        do
        {
            var page = await Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "CHL", PageSize = 2, PageToken = token });
            Assert.True(page.Contacts.Count <= 2);
            paged.AddRange(page.Contacts);
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(3, paged.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_contact_is_not_found_and_a_malformed_name_is_invalid()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => Secretariat.GetContactAsync(new GetContactRequest { Name = "contacts/0123456789abcdef0123456789abcdef" }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(() => Secretariat.GetContactAsync(new GetContactRequest { Name = "people/1" }).ResponseAsync, "name");
    }

    [Theory]
    [InlineData("FRA", "state_code")]
    [InlineData("", "language", "x_y")]
    [InlineData("", "instrument_id", "", "cifta")]
    public async Task List_filters_are_checked(string state, string field, string language = "", string instrument = "")
    {
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.ListContactsAsync(new ListContactsRequest { StateCode = state, Language = language, InstrumentId = instrument }).ResponseAsync,
            field);
    }
}

public sealed class ContactTestsOnPostgres(PostgresDirectoryFixture fixture) : ContactTests(fixture), IClassFixture<PostgresDirectoryFixture>;
