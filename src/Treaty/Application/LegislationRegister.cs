using System.Globalization;
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

/// <summary>National implementing legislation and the states' own status statements.</summary>
public sealed class LegislationRegister(TreatyDbContext db, HybridCache cache, MemberStateRegister register, IdempotentWrites writes, TimeProvider clock)
{
    public const string LegislationPrefix = "legislation/";
    public const string StatementPrefix = "statusStatements/";
    private const string AllKey = "treaty:legislation:v1:all";

    public async Task<List<Legislation>> AllAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(AllKey, db,
            static async (db, ct) => await db.Legislation.AsNoTracking().OrderBy(l => l.StateCode).ThenBy(l => l.Id).ToListAsync(ct),
            tags: [CacheTags.Legislation], cancellationToken: ct);

    public async Task<Legislation> RecordAsync(Caller caller, IdempotencyKey? key, Legislation input, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("record legislation");
        var state = await CheckStateAsync(input.StateCode, "legislation.state_code", violations, ct);
        if (state is not null)
        {
            caller.EnsureMayWriteFor(state, "record legislation");
        }

        violations.Required(input.Title, "legislation.title").MaxLength(input.Title, 500, "legislation.title");
        violations.Check(Enum.IsDefined(input.Kind), "legislation.kind", "is required");
        violations.Check(Enum.IsDefined(input.Status), "legislation.status", "is required");
        violations.Check(input.Topics.Count > 0, "legislation.topics", $"name at least one topic: {string.Join(", ", LegislativeTopics.All.Select(t => t.Id))}");
        foreach (var topic in input.Topics.Where(t => !LegislativeTopics.IsKnown(t)))
        {
            violations.Add("legislation.topics", $"\"{topic}\" is not a topic of the comparison; known: {string.Join(", ", LegislativeTopics.All.Select(t => t.Id))}");
        }

        var instruments = await db.Instruments.Select(i => i.Id).ToListAsync(ct);
        foreach (var id in input.InstrumentIds.Where(i => !instruments.Contains(i)))
        {
            violations.Add("legislation.instrument_ids", $"\"{id}\" is not an instrument this service follows (see ListInstruments)");
        }

        var today = clock.Today();
        violations.Check(input.ReportedOn is null || input.ReportedOn <= today, "legislation.reported_on", "must not be in the future");
        violations.Check(input.EnactedOn is null || input.InForceOn is null || input.InForceOn.Value.Latest >= input.EnactedOn.Value.Earliest,
            "legislation.in_force_on", "must not precede enacted_on");
        violations.MaxLength(input.Summary, 4000, "legislation.summary").MaxLength(input.Source, 500, "legislation.source");
        violations.ThrowIfAny();

        if (await writes.EarlierResultAsync(key, ct) is { } earlier)
        {
            return await LoadLegislationAsync(earlier, ct);
        }

        input.Id = 0;
        input.StateCode = state!;
        input.RequestId = null;
        db.Legislation.Add(input);
        if (await writes.SaveChangesAsync(key, () => Id(input.Id), ct) is { } winner)
        {
            return await LoadLegislationAsync(winner, ct);
        }

        await cache.RemoveByTagAsync([CacheTags.Legislation, CacheTags.State(input.StateCode)], CancellationToken.None);
        return input;
    }

    public async Task<(IReadOnlyList<Legislation> Page, string Next)> ListAsync(LegislationFilter filter, PageRequest page, CancellationToken ct)
    {
        var state = string.IsNullOrWhiteSpace(filter.StateCode) ? null : StateCodes.Normalize(filter.StateCode, "state_code");
        if (filter.Start is { } s && filter.End is { } e && e < s)
        {
            throw new ValidationException("end_date", "must not precede start_date");
        }

        var all = await AllAsync(ct);
        var matching = all.Where(l =>
            (state is null || l.StateCode == state)
            && (string.IsNullOrWhiteSpace(filter.Topic) || l.Topics.Contains(filter.Topic))
            && (string.IsNullOrWhiteSpace(filter.InstrumentId) || l.InstrumentIds.Contains(filter.InstrumentId))
            && l.Overlaps(filter.Start, filter.End));
        return page.Take(matching, PageKey);
    }

    /// <summary>States × topics: which enacted texts, and which pending ones, cover each topic.</summary>
    public async Task<LegislativeComparison> CompareAsync(IReadOnlyList<string> stateCodes, IReadOnlyList<string> topics, CancellationToken ct)
    {
        var violations = new FieldViolations();
        // Each state and topic once, however often the caller repeats it.
        var states = stateCodes.Distinct(StringComparer.Ordinal).Select(c => violations.Try(() => StateCodes.Normalize(c, "state_codes"))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        topics = [.. topics.Distinct(StringComparer.Ordinal)];
        foreach (var topic in topics.Where(t => !LegislativeTopics.IsKnown(t)))
        {
            violations.Add("topics", $"\"{topic}\" is not a topic of the comparison");
        }

        violations.ThrowIfAny();
        var all = await AllAsync(ct);
        var chosenTopics = topics.Count == 0 ? LegislativeTopics.All : LegislativeTopics.All.Where(t => topics.Contains(t.Id)).ToList();
        var rows = (states.Count == 0 ? all.Select(l => l.StateCode).Distinct() : states).Order(StringComparer.Ordinal)
            .Select(code => new ComparisonRow(code, chosenTopics.Select(t =>
            {
                ct.ThrowIfCancellationRequested();
                var laws = all.Where(l => l.StateCode == code && l.Topics.Contains(t.Id)).ToList();
                return new ComparisonCell(t.Id,
                    [.. laws.Where(l => l.IsInEffect).Select(l => LegislationPrefix + l.Id)],
                    [.. laws.Where(l => !l.IsInEffect).Select(l => LegislationPrefix + l.Id)]);
            }).ToArray())).ToList();
        return new LegislativeComparison(chosenTopics, rows);
    }

    public async Task<StatusStatement> RecordStatementAsync(Caller caller, IdempotencyKey? key, StatusStatement input, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("record a status statement");
        var state = await CheckStateAsync(input.StateCode, "statement.state_code", violations, ct);
        if (state is not null)
        {
            caller.EnsureMayWriteFor(state, "record a status statement");
        }

        violations.Required(input.Text, "statement.text").MaxLength(input.Text, 4000, "statement.text");
        violations.MaxLength(input.Source, 500, "statement.source").MaxLength(input.Note, 4000, "statement.note");
        violations.Check(input.MadeOn <= clock.Today(), "statement.made_on", "must not be in the future");
        var instruments = await db.Instruments.Select(i => i.Id).ToListAsync(ct);
        foreach (var id in input.InstrumentIds.Where(i => !instruments.Contains(i)))
        {
            violations.Add("statement.instrument_ids", $"\"{id}\" is not an instrument this service follows");
        }

        violations.ThrowIfAny();
        if (await writes.EarlierResultAsync(key, ct) is { } earlier)
        {
            return await LoadStatementAsync(earlier, ct);
        }

        input.Id = 0;
        input.StateCode = state!;
        input.RequestId = null;
        db.StatusStatements.Add(input);
        if (await writes.SaveChangesAsync(key, () => Id(input.Id), ct) is { } winner)
        {
            return await LoadStatementAsync(winner, ct);
        }

        await cache.RemoveByTagAsync([CacheTags.Snapshot, CacheTags.State(input.StateCode)], CancellationToken.None);
        return input;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<Legislation> LoadLegislationAsync(string recorded, CancellationToken ct)
    {
        var id = long.Parse(recorded, CultureInfo.InvariantCulture);
        return db.Legislation.AsNoTracking().FirstAsync(l => l.Id == id, ct);
    }

    private Task<StatusStatement> LoadStatementAsync(string recorded, CancellationToken ct)
    {
        var id = long.Parse(recorded, CultureInfo.InvariantCulture);
        return db.StatusStatements.AsNoTracking().FirstAsync(s => s.Id == id, ct);
    }

    private static string PageKey(Legislation l) => $"{l.StateCode}:{l.Id.ToString("D12", CultureInfo.InvariantCulture)}";

    private Task<string?> CheckStateAsync(string? code, string field, FieldViolations violations, CancellationToken ct) =>
        violations.TryAsync(() => register.EnsureMemberAsync(code, field, ct));
}
