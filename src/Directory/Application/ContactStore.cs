using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Application;

/// <summary>
/// The writes of the contacts: every write authorized, validated before anything is written, recorded
/// with a revision in the same transaction, and followed by the invalidation of exactly the reads it
/// changes. Logs and trace tags carry ids, states and roles, never personal data.
/// </summary>
public sealed partial class ContactStore(
    DirectoryDbContext db,
    HybridCache cache,
    MemberStateRegister register,
    DirectoryChangeSignal signal,
    OverdueChangeRequests overdue,
    IdempotentWrites writes,
    TimeProvider clock,
    ILogger<ContactStore> logger)
{
    private const string ResourceType = "contact";

    public async Task<Contact> CreateAsync(ContactDetails details, IdempotencyKey? key, string reason, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("record a contact");
        var state = violations.Try(() => StateCodes.Normalize(details.StateCode, "contact.state_code"));
        if (state is not null)
        {
            caller.EnsureMayWriteFor(state, "record a contact");
            details.StateCode = await register.CheckVerifiedMemberAsync(state, "contact.state_code", violations, ct);
        }

        ContactRules.Check(details, "contact.", clock.Today(), violations);
        key = RequestIds.Normalize(key, violations);
        reason = CheckReason(reason, violations);
        violations.ThrowIfAny();

        if (await writes.EarlierResultAsync(key, ct) is { } earlier)
        {
            return await LoadAsync(earlier, ct);
        }

        var now = clock.StoredUtcNow();
        var contact = details.CopyTo(new Contact
        {
            Id = Contact.NewId(),
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        });
        contact.Retired = false;
        db.Contacts.Add(contact);
        db.ContactRevisions.Add(NewRevision(contact, RevisionKind.Created, ContactFields.Set(contact), now, caller, reason));
        var resolved = await ResolveChangeRequestsAsync(contact, now, ct);
        // A concurrent call with the same request id won the race: answer with its contact.
        if (await writes.SaveChangesAsync(key, () => contact.Id, ct) is { } winner)
        {
            return await LoadAsync(winner, ct);
        }

        await AfterWriteAsync(contact, RevisionKind.Created, resolved, ct);
        return contact;
    }

    /// <summary>Applies the fields named by <paramref name="paths"/> from <paramref name="incoming"/>.</summary>
    public async Task<Contact> UpdateAsync(
        string name, string etag, IReadOnlyList<string> paths, ContactDetails incoming, string reason, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("change a contact");
        var contact = await FindForWriteAsync(name, "contact.name", ct);
        caller.EnsureMayWriteFor(contact.StateCode, "change a contact");

        violations.Required(etag, "contact.etag");
        var after = contact.CopyDetails();
        foreach (var field in ContactFields.Named(paths, violations))
        {
            field.Copy(incoming, after);
        }

        ContactRules.Check(after, "contact.", clock.Today(), violations);
        reason = CheckReason(reason, violations);
        violations.ThrowIfAny();
        EnsureNotRetired(contact);
        var expected = EnsureEtag(contact, etag);

        var changed = ContactFields.Changed(contact, after);
        if (changed.Count == 0)
        {
            return contact;
        }

        var now = clock.StoredUtcNow();
        after.CopyTo(contact);
        return await SaveRevisionAsync(contact, expected, RevisionKind.Updated, changed, now, caller, reason, resolve: true, ct);
    }

    public async Task<Contact> RetireAsync(string name, string etag, DateOnly? validTo, string reason, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("retire a contact");
        var contact = await FindForWriteAsync(name, "name", ct);
        caller.EnsureMayWriteFor(contact.StateCode, "retire a contact");

        violations.Required(etag, "etag");
        var end = validTo ?? clock.Today();
        violations.Check(contact.ValidFrom is null || contact.ValidFrom < end, "valid_to", "must be after the contact's valid_from");
        reason = CheckReason(reason, violations);
        violations.ThrowIfAny();
        EnsureNotRetired(contact);
        var expected = EnsureEtag(contact, etag);

        var before = contact.CopyDetails();
        contact.ValidTo = end;
        contact.Retired = true;
        var now = clock.StoredUtcNow();

        // Retiring alone does not resolve a change request: the state's new contact is still awaited.
        return await SaveRevisionAsync(contact, expected, RevisionKind.Retired, ContactFields.Changed(before, contact), now, caller, reason, resolve: false, ct);
    }

    private static string CheckReason(string? reason, FieldViolations violations)
    {
        var trimmed = (reason ?? "").Trim();
        violations.MaxLength(trimmed, 1000, "reason");
        return trimmed;
    }

    private async Task<Contact> FindForWriteAsync(string name, string field, CancellationToken ct)
    {
        var id = ContactName.ParseId(name, field);
        return await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
    }

    private async Task<Contact> SaveRevisionAsync(
        Contact contact, int expected, RevisionKind kind, List<string> changed, DateTime now, Caller caller, string reason, bool resolve, CancellationToken ct)
    {
        contact.Revision = expected + 1;
        contact.UpdatedAt = now;

        // The database checks the caller's etag: a concurrent writer that committed first makes this one fail.
        db.Entry(contact).Property(c => c.Revision).OriginalValue = expected;
        db.ContactRevisions.Add(NewRevision(contact, kind, changed, now, caller, reason));
        var resolved = resolve ? await ResolveChangeRequestsAsync(contact, now, ct) : 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // A concurrency failure, or the revision number taken by a concurrent writer holding the
            // same etag (the unique index on contact and revision): either way the caller's etag is stale.
            db.ChangeTracker.Clear();
            if (e is DbUpdateConcurrencyException
                || await db.ContactRevisions.AsNoTracking().AnyAsync(r => r.ContactId == contact.Id && r.Revision == contact.Revision, ct))
            {
                throw new EtagMismatchException(ResourceType, contact.Name);
            }

            throw;
        }

        await AfterWriteAsync(contact, kind, resolved, ct);
        return contact;
    }

    private async Task<int> ResolveChangeRequestsAsync(Contact contact, DateTime now, CancellationToken ct)
    {
        var open = await db.ChangeRequests
            .Where(r => r.StateCode == contact.StateCode && r.Role == contact.Role && r.Status == ChangeRequestStatus.Open)
            .ToListAsync(ct);
        var resolving = open.Where(r => r.IsResolvedBy(contact, now)).ToList();
        foreach (var request in resolving)
        {
            request.Resolve(contact.Id, DateOnly.FromDateTime(now));
        }

        return resolving.Count;
    }

    private async Task AfterWriteAsync(Contact contact, RevisionKind kind, int resolvedRequests, CancellationToken ct)
    {
        var tags = DirectoryCacheTags.ForWrite(contact.Id, contact.StateCode).ToList();
        if (resolvedRequests > 0)
        {
            tags.Add(DirectoryCacheTags.ChangeRequests);
            overdue.Invalidate();
        }

        await cache.RemoveByTagAsync(tags, ct);
        await signal.NotifyAsync(contact.StateCode);
        Activity.Current?.SetTag("tocmesh.contact", contact.Name);
        Activity.Current?.SetTag("tocmesh.state", contact.StateCode);
        LogRecorded(logger, kind, contact.Name, contact.StateCode, contact.Role, contact.Revision, resolvedRequests);
    }

    private Task<Contact> LoadAsync(string id, CancellationToken ct) =>
        db.Contacts.AsNoTracking().FirstAsync(c => c.Id == id, ct);

    private static void EnsureNotRetired(Contact contact)
    {
        if (contact.Retired)
        {
            throw new RuleViolationException("CONTACT_RETIRED", contact.Name, "The contact was retired; record a new contact instead.");
        }
    }

    private static int EnsureEtag(Contact contact, string etag) =>
        int.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expected) && expected == contact.Revision
            ? expected
            : throw new EtagMismatchException(ResourceType, contact.Name);

    private static ContactRevision NewRevision(Contact contact, RevisionKind kind, List<string> changed, DateTime now, Caller caller, string reason) => new()
    {
        ContactId = contact.Id,
        Revision = contact.Revision,
        Kind = kind,
        StateCode = contact.StateCode,
        Role = contact.Role,
        RecordedAt = now,
        ChangedBy = caller.Agency ?? "",
        Reason = reason,
        ChangedFields = changed,
        Snapshot = contact.CopyDetails(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {Kind}: {Contact} of {State} ({Role}), revision {Revision}; {Resolved} change requests resolved")]
    private static partial void LogRecorded(ILogger logger, RevisionKind kind, string contact, string state, ContactRole role, int revision, int resolved);
}
