using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>
/// Records, corrects and withdraws treaty actions. Every write checks the treaty rules over the
/// state's whole history as it would stand after the write, and refuses a write that would break one
/// the history did not already break (the published data keeps its own breaches, as findings).
/// </summary>
public sealed class TreatyActionLedger(TreatyDbContext db, HybridCache cache, MemberStateRegister register, IdempotentWrites writes, TimeProvider clock)
{
    public const string NamePrefix = "treatyActions/";
    private const int MaxText = 2000;

    public async Task<TreatyAction> RecordAsync(Caller caller, ActionInput input, IdempotencyKey? key, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureSecretariat("record a treaty action");
        var (state, instruments) = await CheckNewAsync(input, violations, ct);
        return await writes.OnceAsync(key, Record, name => GetAsync(name, ct), ct);

        async Task<TreatyAction> Record()
        {
            var action = NewAction(state, input);
            await LockStateAsync(state, ct);
            var current = await CurrentFactsAsync(state, ct);
            EnsureNoNewBreach(instruments, current, [.. current, action.ToFact()]);
            action.History.Add(Revision(RevisionChange.Recorded, caller, "", $"{action.Kind.Describe()} of {action.InstrumentId} by {action.StateCode}"));
            db.TreatyActions.Add(action);
            // A retry of this request (here or on another replica) that committed first: answer as it did.
            if (await writes.SaveChangesAsync(key, () => NamePrefix + action.Id, ct) is { } winner)
            {
                return await GetAsync(winner, ct);
            }

            await InvalidateAsync(action);
            return action;
        }
    }

    public async Task<TreatyAction> CorrectAsync(Caller caller, string? name, ActionChanges changes, string? reason, string? etag, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureSecretariat("correct a treaty action");
        var id = ParseName(name, "treaty_action.name", violations);
        violations.Check(changes.Paths.Count > 0, "update_mask", $"name the fields to correct: {string.Join(", ", ActionChanges.Correctable)}");
        foreach (var path in changes.Paths.Where(p => !ActionChanges.Correctable.Contains(p)))
        {
            violations.Add("update_mask", $"\"{path}\" cannot be corrected; correctable: {string.Join(", ", ActionChanges.Correctable)} (withdraw the action and record a new one to change its state or instrument)");
        }

        violations.Required(reason, "reason").MaxLength(reason, MaxText, "reason");
        if (changes.Paths.Contains("kind"))
        {
            violations.Check(changes.Kind is not null, "treaty_action.kind", "is required when update_mask names it");
        }

        violations.ThrowIfAny();

        var action = await LoadForChangeAsync(id, etag, ct);
        var corrected = changes.ApplyTo(action);
        CheckValues(corrected.Kind, corrected.ActDate, corrected.DepositDate, corrected.Declarations, corrected.Reservations, corrected.Source, corrected.Note, violations, "treaty_action.");
        violations.ThrowIfAny();

        var instruments = await db.Instruments.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        await LockStateAsync(action.StateCode, ct);
        var current = await CurrentFactsAsync(action.StateCode, ct);
        EnsureNoNewBreach(instruments, current, [.. current.Where(f => f.Id != action.Id), corrected.ToFact()]);

        var summary = ActionChanges.Describe(action, corrected);
        (action.Kind, action.ActDate, action.DepositDate, action.Declarations, action.Reservations, action.Source, action.Note) =
            (corrected.Kind, corrected.ActDate, corrected.DepositDate, corrected.Declarations, corrected.Reservations, corrected.Source, corrected.Note);
        action.Version = Guid.NewGuid();
        action.History.Add(Revision(RevisionChange.Corrected, caller, reason!, summary));
        await db.SaveChangesAsync(ct);
        await InvalidateAsync(action);
        return action;
    }

    public async Task<TreatyAction> WithdrawAsync(Caller caller, string? name, string? reason, string? etag, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureSecretariat("withdraw a treaty action");
        var id = ParseName(name, "name", violations);
        violations.Required(reason, "reason").MaxLength(reason, MaxText, "reason");
        violations.ThrowIfAny();

        var action = await LoadForChangeAsync(id, etag, ct);
        var instruments = await db.Instruments.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        await LockStateAsync(action.StateCode, ct);
        var current = await CurrentFactsAsync(action.StateCode, ct);
        EnsureNoNewBreach(instruments, current, [.. current.Where(f => f.Id != action.Id)]);

        action.Withdrawn = true;
        action.WithdrawalReason = reason!;
        action.Version = Guid.NewGuid();
        action.History.Add(Revision(RevisionChange.Withdrawn, caller, reason!, "withdrawn: no longer counts"));
        await db.SaveChangesAsync(ct);
        await InvalidateAsync(action);
        return action;
    }

    public async Task<TreatyAction> GetAsync(string? name, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var id = ParseName(name, "name", violations);
        violations.ThrowIfAny();
        return await db.TreatyActions.AsNoTracking().Include(a => a.History.OrderBy(h => h.Id)).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("treaty action", name!);
    }

    public async Task<(List<TreatyAction> Page, string Next)> ListAsync(string? stateCode, string? instrumentId, bool includeWithdrawn, PageRequest page, CancellationToken ct)
    {
        var query = db.TreatyActions.AsNoTracking().Include(a => a.History.OrderBy(h => h.Id)).AsQueryable();
        if (!string.IsNullOrWhiteSpace(stateCode))
        {
            var code = StateCodes.Normalize(stateCode, "state_code");
            query = query.Where(a => a.StateCode == code);
        }

        if (!string.IsNullOrWhiteSpace(instrumentId))
        {
            query = query.Where(a => a.InstrumentId == instrumentId);
        }

        if (!includeWithdrawn)
        {
            query = query.Where(a => !a.Withdrawn);
        }

        if (page.After is not null)
        {
            var after = long.TryParse(page.After, out var a) ? a : throw new ValidationException("page_token", "is not a token this service issued");
            query = query.Where(x => x.Id > after);
        }

        var items = await query.OrderBy(a => a.Id).Take(page.Size + 1).AsSplitQuery().ToListAsync(ct);
        var hasMore = items.Count > page.Size;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        return (items, PageRequest.NextToken(items.Count > 0 ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, hasMore));
    }

    /// <summary>The member state and the instruments, once every field of a new action is valid; INVALID_ARGUMENT naming each field that is not.</summary>
    private async Task<(string State, Dictionary<string, Instrument> Instruments)> CheckNewAsync(ActionInput input, FieldViolations violations, CancellationToken ct)
    {
        var instruments = await db.Instruments.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        var state = await CheckStateAsync(input.StateCode, "state_code", violations, ct);
        violations.Required(input.InstrumentId, "instrument_id");
        if (!string.IsNullOrWhiteSpace(input.InstrumentId))
        {
            violations.Check(instruments.ContainsKey(input.InstrumentId), "instrument_id", $"\"{input.InstrumentId}\" is not an instrument this service follows (see ListInstruments)");
        }

        violations.Check(input.Kind is not null, "kind", "is required");
        CheckValues(input.Kind, input.ActDate, input.DepositDate, input.Declarations, input.Reservations, input.Source, input.Note, violations);
        violations.ThrowIfAny();
        return (state!, instruments);
    }

    private static TreatyAction NewAction(string state, ActionInput input) => new()
    {
        StateCode = state,
        InstrumentId = input.InstrumentId!,
        Kind = input.Kind!.Value,
        ActDate = input.ActDate,
        DepositDate = input.DepositDate,
        Declarations = input.Declarations,
        Reservations = input.Reservations,
        Source = input.Source,
        Note = input.Note,
        Origin = ActionOrigin.Recorded,
        Version = Guid.NewGuid(),
    };

    private Task<string?> CheckStateAsync(string? code, string field, FieldViolations violations, CancellationToken ct) =>
        violations.TryAsync(() => register.EnsureMemberAsync(code, field, ct));

    private void CheckValues(ActionKind? kind, DateOnly? act, DateOnly? deposit, List<string> declarations, List<string> reservations, string source, string note, FieldViolations violations, string prefix = "")
    {
        var today = clock.Today();
        if (kind == ActionKind.Signature)
        {
            violations.Check(act is not null, prefix + "act_date", "is required for a signature");
            violations.Check(deposit is null, prefix + "deposit_date", "a signature is not deposited; give its date as act_date");
        }
        else if (kind is not null)
        {
            violations.Check(act is not null || deposit is not null, prefix + "deposit_date", "give the date of deposit, or of the act when the deposit is not known");
        }

        violations.Check(act is null || deposit is null || deposit >= act, prefix + "deposit_date", "must not precede act_date");
        violations.Check(act is null || act <= today, prefix + "act_date", "must not be in the future");
        violations.Check(deposit is null || deposit <= today, prefix + "deposit_date", "must not be in the future");
        foreach (var (list, field) in new[] { (declarations, "declarations"), (reservations, "reservations") })
        {
            violations.Check(list.Count <= 50, prefix + field, "at most 50 entries");
            violations.Check(list.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= MaxText), prefix + field, $"each entry must be non-empty text of at most {MaxText} characters");
        }

        violations.MaxLength(source, 200, prefix + "source").MaxLength(note, MaxText, prefix + "note");
    }

    private static long ParseName(string? name, string field, FieldViolations violations)
    {
        if (name is not null && name.StartsWith(NamePrefix, StringComparison.Ordinal) && long.TryParse(name[NamePrefix.Length..], out var id) && id > 0)
        {
            return id;
        }

        violations.Add(field, "must be a treaty action's name, e.g. \"treatyActions/12\"");
        return 0;
    }

    private async Task<TreatyAction> LoadForChangeAsync(long id, string? etag, CancellationToken ct)
    {
        var action = await db.TreatyActions.Include(a => a.History.OrderBy(h => h.Id)).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("treaty action", NamePrefix + id);
        if (!string.IsNullOrEmpty(etag))
        {
            if (!Guid.TryParseExact(etag, "N", out var version) || version != action.Version)
            {
                throw new EtagMismatchException("treaty action", NamePrefix + id);
            }

            // The version read by the caller is what the database must still hold when we write.
            db.Entry(action).Property(a => a.Version).OriginalValue = version;
        }

        if (action.Withdrawn)
        {
            throw new RuleViolationException("ACTION_WITHDRAWN", NamePrefix + id, $"{NamePrefix}{id} was withdrawn ({action.WithdrawalReason}); record a new action instead.");
        }

        return action;
    }

    /// <summary>Bumps the state's ledger version, so a concurrent write of the same state fails (ABORTED) instead of both passing the rules.</summary>
    private async Task LockStateAsync(string state, CancellationToken ct)
    {
        var ledger = await db.StateLedgers.FirstOrDefaultAsync(l => l.StateCode == state, ct);
        if (ledger is null)
        {
            db.StateLedgers.Add(new StateLedger { StateCode = state, Version = Guid.NewGuid() });
        }
        else
        {
            ledger.Version = Guid.NewGuid();
        }
    }

    private async Task<List<ActionFact>> CurrentFactsAsync(string state, CancellationToken ct) =>
        (await db.TreatyActions.AsNoTracking().Where(a => a.StateCode == state && !a.Withdrawn).ToListAsync(ct)).Select(a => a.ToFact()).ToList();

    private static void EnsureNoNewBreach(IReadOnlyDictionary<string, Instrument> instruments, List<ActionFact> before, List<ActionFact> after)
    {
        var known = TreatyRules.Validate(instruments, before).Select(b => (b.Rule, b.ActionId)).ToHashSet();
        if (TreatyRules.Validate(instruments, after).FirstOrDefault(b => !known.Contains((b.Rule, b.ActionId))) is { } breach)
        {
            var subject = breach.ActionId > 0 ? NamePrefix + breach.ActionId : $"states/{breach.StateCode}/instruments/{breach.InstrumentId}";
            throw new RuleViolationException(breach.Rule, subject, breach.Description);
        }
    }

    private TreatyActionRevision Revision(RevisionChange change, Caller caller, string reason, string summary) => new()
    {
        Change = change,
        ChangedAt = clock.StoredUtcNow(),
        ChangedBy = caller.Agency ?? "",
        Reason = reason,
        Summary = summary,
    };

    private async Task InvalidateAsync(TreatyAction action) =>
        await cache.RemoveByTagAsync([CacheTags.Snapshot, CacheTags.State(action.StateCode), CacheTags.Instrument(action.InstrumentId)], CancellationToken.None);
}
