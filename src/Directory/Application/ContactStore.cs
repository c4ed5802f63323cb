using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Application;

/// <summary>
/// The contacts: every write authorized, validated before anything is written, recorded with a
/// revision in the same transaction, and followed by the invalidation of exactly the reads it changes.
/// Logs and trace tags carry ids, states and roles, never personal data.
/// </summary>
public sealed partial class ContactStore(
    DirectoryDbContext db,
    HybridCache cache,
    MemberStateRegister register,
    DirectoryChangeSignal signal,
    OverdueChangeRequests overdue,
    TimeProvider clock,
    ILogger<ContactStore> logger)
{
    private const string ResourceType = "contact";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Contact> GetAsync(string name, string field, CancellationToken ct)
    {
        var id = ParseName(name, field);
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
        var key = $"contacts:list:{filter.StateCode}|{filter.Role}|{filter.InstrumentId}|{filter.Language}|{filter.IncludeRetired}|{page.Size}|{page.After}";
        var window = await cache.GetOrCreateAsync(
            key,
            (db, filter, page),
            static async (s, token) => await Query(s.db, s.filter, s.page).ToListAsync(token),
            DirectoryCacheTags.Entry,
            DirectoryCacheTags.ForRead(filter.StateCode),
            ct);
        var hasMore = window.Count > page.Size;
        var items = window.Take(page.Size).ToList();
        return (items, PageRequest.NextToken(items.Count > 0 ? KeyOf(items[^1]) : null, hasMore));
    }

    public async Task<List<ContactRevision>> HistoryAsync(string name, CancellationToken ct)
    {
        var id = ParseName(name, "name");
        var revisions = await cache.GetOrCreateAsync(
            $"contact-history:{id}",
            (db, id),
            static async (s, token) => await s.db.ContactRevisions.AsNoTracking()
                .Where(r => r.ContactId == s.id).OrderBy(r => r.Sequence).ToListAsync(token),
            DirectoryCacheTags.Entry,
            [DirectoryCacheTags.Contact(id)],
            ct);
        return revisions.Count > 0 ? revisions : throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
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
                var cutoff = s.recordedAsOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
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
                    .Select(r => r.Snapshot.CopyTo(new Contact { Id = r.ContactId, Revision = r.Revision, UpdatedAt = r.RecordedAt }))
                    .OrderBy(c => c.StateCode, StringComparer.Ordinal).ThenBy(c => c.Role).ThenBy(c => c.InstrumentId, StringComparer.Ordinal)
                    .ThenBy(c => c.Id, StringComparer.Ordinal)
                    .ToList();
                return new DirectorySnapshot(s.asOf, s.recordedAsOf, contacts, position);
            },
            DirectoryCacheTags.Entry,
            DirectoryCacheTags.ForRead(stateCode),
            ct);
    }

    public async Task<Contact> CreateAsync(ContactDetails details, string requestId, string reason, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("record a contact");
        var state = violations.Try(() => StateCodes.Normalize(details.StateCode, "contact.state_code"));
        if (state is not null)
        {
            caller.EnsureMayWriteFor(state, "record a contact");
            details.StateCode = await CheckMemberAsync(state, "contact.state_code", violations, ct);
        }

        ContactRules.Check(details, "contact.", Today, violations);
        requestId = CheckRequestId(requestId, violations);
        reason = CheckReason(reason, violations);
        violations.ThrowIfAny();

        if (requestId.Length > 0 && await FindByRequestIdAsync(requestId, ct) is { } earlier)
        {
            return SameStateOrConflict(earlier, details.StateCode, requestId);
        }

        var now = clock.StoredUtcNow();
        var contact = details.CopyTo(new Contact
        {
            Id = Contact.NewId(),
            Revision = 1,
            RequestId = requestId.Length > 0 ? requestId : null,
            CreatedAt = now,
            UpdatedAt = now,
        });
        contact.Retired = false;
        db.Contacts.Add(contact);
        db.ContactRevisions.Add(NewRevision(contact, RevisionKind.Created, ContactFields.Set(contact), now, caller, reason));
        var resolved = await ResolveChangeRequestsAsync(contact, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (requestId.Length > 0)
        {
            // A concurrent call with the same request id won the race: answer with its contact.
            db.ChangeTracker.Clear();
            var winner = await FindByRequestIdAsync(requestId, ct);
            if (winner is null)
            {
                throw;
            }

            return SameStateOrConflict(winner, details.StateCode, requestId);
        }

        await AfterWriteAsync(contact, RevisionKind.Created, resolved, ct);
        return contact;
    }

    /// <summary>Applies the fields named by <paramref name="paths"/> from <paramref name="incoming"/>.</summary>
    public async Task<Contact> UpdateAsync(
        string name, string etag, IReadOnlyList<string> paths, ContactDetails incoming, string reason, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("change a contact");
        var id = ParseName(name, "contact.name");
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
        caller.EnsureMayWriteFor(contact.StateCode, "change a contact");

        violations.Required(etag, "contact.etag");
        var fields = new List<ContactField>();
        if (paths.Count == 0)
        {
            violations.Add("update_mask", "name the fields to change, e.g. \"emails\" (or \"*\" for every field that may change)");
        }

        foreach (var path in paths)
        {
            if (path == "*")
            {
                fields.AddRange(ContactFields.All.Where(f => f.Updatable));
            }
            else if (ContactFields.Find(path) is not { } field)
            {
                violations.Add("update_mask", $"\"{Truncate(path)}\" is not a field of Contact");
            }
            else if (!field.Updatable)
            {
                violations.Add("update_mask", $"{path} never changes: retire the contact and record a new one");
            }
            else
            {
                fields.Add(field);
            }
        }

        var after = contact.CopyDetails();
        foreach (var field in fields.Distinct())
        {
            field.Copy(incoming, after);
        }

        ContactRules.Check(after, "contact.", Today, violations);
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
        var id = ParseName(name, "name");
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(ResourceType, Contact.NamePrefix + id);
        caller.EnsureMayWriteFor(contact.StateCode, "retire a contact");

        violations.Required(etag, "etag");
        var end = validTo ?? Today;
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

    internal static IQueryable<Contact> Query(DirectoryDbContext db, ContactFilter filter, PageRequest page)
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

    internal static string KeyOf(Contact contact) => $"{contact.StateCode}|{contact.Id}";

    internal static string ParseName(string? name, string field)
    {
        var id = name is not null && name.StartsWith(Contact.NamePrefix, StringComparison.Ordinal) ? name[Contact.NamePrefix.Length..] : "";
        return id.Length == 32 && id.All(char.IsAsciiHexDigitLower)
            ? id
            : throw new ValidationException(field, "is not a contact name such as \"contacts/0192f1c3...\"");
    }

    /// <summary>A UUID (AIP-155), lower-cased; "" when none was sent.</summary>
    internal static string CheckRequestId(string? requestId, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return "";
        }

        var ok = Guid.TryParse(requestId.Trim(), out var guid);
        violations.Check(ok, "request_id", "must be a UUID, e.g. \"5f0c6d9e-8a0b-4c1e-9d55-3b2a1f0e7c44\"");
        return ok ? guid.ToString("D") : "";
    }

    internal static string CheckReason(string? reason, FieldViolations violations)
    {
        var trimmed = (reason ?? "").Trim();
        violations.MaxLength(trimmed, 1000, "reason");
        return trimmed;
    }

    internal async Task<string> CheckMemberAsync(string state, string field, FieldViolations violations, CancellationToken ct)
    {
        try
        {
            return await register.EnsureMemberAsync(state, field, ct, requireVerified: true);
        }
        catch (ValidationException e)
        {
            foreach (var v in e.Violations)
            {
                violations.Add(v.Field, v.Description);
            }

            return state;
        }
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

    private Task<Contact?> FindByRequestIdAsync(string requestId, CancellationToken ct) =>
        db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == requestId, ct);

    private static Contact SameStateOrConflict(Contact earlier, string state, string requestId) =>
        earlier.StateCode == state
            ? earlier
            : throw new AlreadyExistsException(ResourceType, earlier.Name, $"request_id {requestId} was used for another contact.");

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

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {Kind}: {Contact} of {State} ({Role}), revision {Revision}; {Resolved} change requests resolved")]
    private static partial void LogRecorded(ILogger logger, RevisionKind kind, string contact, string state, ContactRole role, int revision, int resolved);
}
