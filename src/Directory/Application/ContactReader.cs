using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Application;

/// <summary>
/// The reads of the contacts, each cached under the tags a write of that contact or state removes
/// (<see cref="DirectoryCacheTags"/>): one contact, a filtered page, a contact's history, and the
/// directory as it stood on a date.
/// </summary>
public sealed class ContactReader(DirectoryDbContext db, HybridCache cache)
{
    private const string ResourceType = "contact";

    public async Task<Contact> GetAsync(string name, string field, CancellationToken ct)
    {
        var id = ContactName.ParseId(name, field);
        var contact = await cache.GetOrCreateAsync(
            $"contact:{id}",
            (db, id),
            static async (s, token) => await s.db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == s.id, token),
            DirectoryCacheTags.Entry,
            [DirectoryCacheTags.Contact(id)],
            ct);
        return contact ?? throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
    }

    public async Task<(List<Contact> Page, string NextPageToken)> ListAsync(ContactFilter filter, PageRequest page, CancellationToken ct)
    {
        // Only first pages are cached: a page token is the caller's to make up, so it names no key.
        var window = page.After is not null
            ? await ContactQuery.Page(db, filter, page).ToListAsync(ct)
            : await cache.GetOrCreateAsync(
                $"contacts:list:{filter.StateCode}|{filter.Role}|{filter.InstrumentId}|{filter.Language}|{filter.IncludeRetired}|{page.Size}",
                (db, filter, page),
                static async (s, token) => await ContactQuery.Page(s.db, s.filter, s.page).ToListAsync(token),
                DirectoryCacheTags.Entry,
                DirectoryCacheTags.ForRead(filter.StateCode),
                ct);
        var hasMore = window.Count > page.Size;
        var items = window.Take(page.Size).ToList();
        return (items, PageRequest.NextToken(items.Count > 0 ? ContactQuery.KeyOf(items[^1]) : null, hasMore));
    }

    public async Task<List<ContactRevision>> HistoryAsync(string name, CancellationToken ct)
    {
        var id = ContactName.ParseId(name, "name");
        var revisions = await cache.GetOrCreateAsync(
            $"contact-history:{id}",
            (db, id),
            // None: null, a "not found" the cache keeps only briefly.
            static async (s, token) => await s.db.ContactRevisions.AsNoTracking()
                .Where(r => r.ContactId == s.id).OrderBy(r => r.Sequence).ToListAsync(token) is { Count: > 0 } found ? found : null,
            DirectoryCacheTags.Entry,
            [DirectoryCacheTags.Contact(id)],
            ct);
        return revisions is { Count: > 0 } ? revisions : throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
    }

    /// <summary>
    /// The contacts serving on <paramref name="asOf"/> as the record stood at the end of
    /// <paramref name="recordedAsOf"/>: the latest revision of each contact recorded by then.
    /// </summary>
    public async Task<DirectorySnapshot> DirectoryAsync(string? stateCode, DateOnly asOf, DateOnly recordedAsOf, CancellationToken ct)
    {
        var key = $"directory:{stateCode ?? "*"}:{asOf:yyyy-MM-dd}:{recordedAsOf:yyyy-MM-dd}";
        return await cache.GetOrCreateAsync(
            key,
            (db, stateCode, asOf, recordedAsOf),
            static async (s, token) =>
            {
                var cutoff = s.recordedAsOf.EndOfDayUtc();
                var recorded = s.db.ContactRevisions.Where(r => r.RecordedAt < cutoff);
                var position = await recorded.MaxAsync(r => (long?)r.Sequence, token) ?? 0;
                var ofScope = recorded.Where(r => r.Sequence <= position);
                if (s.stateCode is not null)
                {
                    ofScope = ofScope.Where(r => r.StateCode == s.stateCode);
                }

                var latest = ofScope.GroupBy(r => r.ContactId).Select(g => g.Max(r => r.Sequence));
                var revisions = await s.db.ContactRevisions.AsNoTracking().Where(r => latest.Contains(r.Sequence)).ToListAsync(token);
                var contacts = revisions
                    .Where(r => r.Snapshot.ServesOn(s.asOf))
                    .Select(r => r.AsContact())
                    .OrderBy(c => c.StateCode, StringComparer.Ordinal).ThenBy(c => c.Role).ThenBy(c => c.InstrumentId, StringComparer.Ordinal)
                    .ThenBy(c => c.Id, StringComparer.Ordinal)
                    .ToList();
                return new DirectorySnapshot(s.asOf, s.recordedAsOf, contacts, position);
            },
            DirectoryCacheTags.Entry,
            DirectoryCacheTags.ForRead(stateCode),
            ct);
    }
}
