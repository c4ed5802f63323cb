using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TocMesh.Directory.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Directory.Tests;

/// <summary>Invented contacts on example.org: no real person's data is used in tests.</summary>
public static class ContactFixtures
{
    public const string Person = "Alex Example-Fixture";
    public const string Email = "alex.fixture@example.org";
    public const string Phone = "+12025550143";
    public const string Title = "Fixture Director of Examples";

    public static Contact PointOfContact(string state, ContactRole role = ContactRole.NationalPointOfContact, string institution = "Ministry of Examples") => new()
    {
        StateCode = state,
        Role = role,
        InstrumentId = role == ContactRole.PalermoAuthority ? "untoc" : "",
        Institution = institution,
        Office = "Office of Example Affairs",
        Person = Person,
        Title = Title,
        Emails = { Email },
        Phones = { Phone },
        PostalAddress = "1 Example Street, Example City",
        Languages = { "es", "en" },
        Channels = { ContactChannel.Email, ContactChannel.Diplomatic },
        OfficeHours = "Monday to Friday, 9:00-17:00",
        TimeZone = "America/Mexico_City",
        ValidFrom = Date(2009, 1, 1),
        SourceDocument = "GT/DOT-II/doc.9/09",
    };

    public static ProtoDate Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };

    public static async Task<Contact> CreateAsync(this DirectoryService.DirectoryServiceClient client, Contact contact, string? requestId = null, string reason = "") =>
        (await client.CreateContactAsync(new CreateContactRequest { Contact = contact, RequestId = requestId ?? "", Reason = reason })).Contact;

    /// <summary>Every contact of a state, retired ones too, as the secretariat sees them.</summary>
    public static async Task<List<Contact>> AllOfStateAsync(this DirectoryService.DirectoryServiceClient client, string state)
    {
        var all = new List<Contact>();
        var token = "";
        do
        {
            var page = await client.ListContactsAsync(new ListContactsRequest { StateCode = state, IncludeRetired = true, PageSize = 100, PageToken = token });
            all.AddRange(page.Contacts);
            token = page.NextPageToken;
        }
        while (token != "");

        return all;
    }

    /// <summary>Every change request (of one state, when given), as text.</summary>
    public static async Task<string> AllChangeRequestsAsync(this DirectoryService.DirectoryServiceClient client, string state = "")
    {
        var all = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = state, PageSize = 100, PageToken = token });
            all.AddRange(page.ChangeRequests.Select(r => r.ToString()));
            token = page.NextPageToken;
        }
        while (token != "");

        return string.Join('\n', all);
    }

    /// <summary>
    /// Everything a write of the Directory can change, as text: every contact of every state (retired
    /// ones too), the change log's head, and every change request.
    /// </summary>
    public static async Task<string> RecordAsync(this DirectoryService.DirectoryServiceClient client)
    {
        var contacts = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListContactsAsync(new ListContactsRequest { IncludeRetired = true, PageSize = 100, PageToken = token });
            contacts.AddRange(page.Contacts.Select(c => c.ToString()));
            token = page.NextPageToken;
        }
        while (token != "");

        var head = (await client.GetDirectoryAsync(new GetDirectoryRequest())).Sequence;
        return $"{string.Join('\n', contacts)}\nlog head {head}\n{await client.AllChangeRequestsAsync()}";
    }

    /// <summary>Reads a server stream to its end, within a bound.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this AsyncServerStreamingCall<T> call, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var items = new List<T>();
        await foreach (var item in call.ResponseStream.ReadAllAsync(cts.Token))
        {
            items.Add(item);
        }

        return items;
    }
}
