using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Contracts;

namespace TocMesh.Directory.Application;

/// <summary>
/// Bulk and incremental reads of the directory straight from the database, a page at a time, so a
/// stream never holds the table in memory and the client's pace sets the server's.
/// </summary>
public sealed class DirectoryChangeLog(DirectoryDbContext db)
{
    /// <summary>The changes after <paramref name="afterSequence"/>, in log order, at most <paramref name="limit"/>.</summary>
    public Task<List<ContactRevision>> ReadAfterAsync(long afterSequence, string? stateCode, int limit, CancellationToken ct)
    {
        var query = db.ContactRevisions.AsNoTracking().Where(r => r.Sequence > afterSequence);
        if (stateCode is not null)
        {
            query = query.Where(r => r.StateCode == stateCode);
        }

        return query.OrderBy(r => r.Sequence).Take(limit).ToListAsync(ct);
    }

    /// <summary>Every contact matching the filter in state and id order, read <paramref name="pageSize"/> rows per query.</summary>
    public async IAsyncEnumerable<Contact> ContactsAsync(string? stateCode, bool includeRetired, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = new ContactFilter(stateCode, null, null, null, includeRetired);
        string? after = null;
        while (true)
        {
            var window = await ContactQuery.Page(db, filter, new PageRequest(pageSize, after)).ToListAsync(ct);
            foreach (var contact in window.Take(pageSize))
            {
                yield return contact;
            }

            if (window.Count <= pageSize)
            {
                yield break;
            }

            after = ContactQuery.KeyOf(window[pageSize - 1]);
        }
    }
}
