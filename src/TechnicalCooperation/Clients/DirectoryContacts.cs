using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Directory.V1;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Clients;

/// <summary>Points of contact through the Directory's GetContact, cached; an outage is an outcome, not a failure.</summary>
public sealed class DirectoryContacts(DirectoryService.DirectoryServiceClient directory, HybridCache cache, DirectoryOutage outage) : IContactDirectory
{
    public const string Tag = "directory-contacts";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(2) };

    public async Task<ContactLookup> LookupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            // Only contacts found are cached: a contact created a moment later must be found, and an outage must pass.
            var details = await cache.GetOrCreateAsync(
                $"techcoop:contact:{name}",
                (name, directory, outage),
                static async (s, ct) => await FetchAsync(s.name, s.directory, s.outage, ct),
                Entry,
                [Tag],
                cancellationToken);
            return new ContactLookup(name, ContactLookupOutcome.Found, details);
        }
        catch (ContactNotFound)
        {
            return new ContactLookup(name, ContactLookupOutcome.NotFound, null);
        }
        catch (DirectoryUnreachable)
        {
            return new ContactLookup(name, ContactLookupOutcome.Unavailable, null);
        }
    }

    private static async Task<ContactDetails> FetchAsync(string name, DirectoryService.DirectoryServiceClient directory, DirectoryOutage outage, CancellationToken cancellationToken)
    {
        if (outage.Recent)
        {
            throw new DirectoryUnreachable();
        }

        try
        {
            var contact = (await directory.GetContactAsync(new GetContactRequest { Name = name }, cancellationToken: cancellationToken)).Contact;
            outage.Over();
            return new ContactDetails(contact.Name, contact.StateCode, contact.Institution, contact.Office, contact.Languages.ToList());
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new ContactNotFound();
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            outage.Seen();
            throw new DirectoryUnreachable();
        }
    }

    private sealed class ContactNotFound : Exception;

    private sealed class DirectoryUnreachable : Exception;
}
