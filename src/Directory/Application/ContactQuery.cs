using Microsoft.EntityFrameworkCore;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Contracts;

namespace TocMesh.Directory.Application;

/// <summary>
/// The contacts matching a filter, one page in state and id order (and one more row, to tell whether
/// another page follows): what ListContacts reads through the cache and the export reads straight.
/// </summary>
internal static class ContactQuery
{
    public static IQueryable<Contact> Page(DirectoryDbContext db, ContactFilter filter, PageRequest page)
    {
        var query = db.Contacts.AsNoTracking();
        if (filter.StateCode is not null)
        {
            query = query.Where(c => c.StateCode == filter.StateCode);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(c => c.Role == role);
        }

        if (filter.InstrumentId is not null)
        {
            query = query.Where(c => c.InstrumentId == filter.InstrumentId);
        }

        if (filter.Language is { } language)
        {
            var prefix = language + "-";
            query = query.Where(c => c.Languages.Any(l => l == language || l.StartsWith(prefix)));
        }

        if (!filter.IncludeRetired)
        {
            query = query.Where(c => !c.Retired);
        }

        if (page.After?.Split('|') is [var afterState, var afterId])
        {
            query = query.Where(c => string.Compare(c.StateCode, afterState) > 0 || (c.StateCode == afterState && string.Compare(c.Id, afterId) > 0));
        }

        return query.OrderBy(c => c.StateCode).ThenBy(c => c.Id).Take(page.Size + 1);
    }

    /// <summary>The position after <paramref name="contact"/>, for the next page.</summary>
    public static string KeyOf(Contact contact) => $"{contact.StateCode}|{contact.Id}";
}
