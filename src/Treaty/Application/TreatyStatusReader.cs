using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Telemetry;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>
/// Status as of any date, computed in memory from the snapshot of all actions; each answer is cached
/// (HybridCache) once, under a key that names what was asked in one canonical form and tags that
/// the writes which change it remove. An answer not in the cache is computed from one fetch of the
/// snapshot.
/// </summary>
public sealed class TreatyStatusReader(
    IServiceProvider call, HybridCache cache, MemberStateRegister register, ReportRenderMetrics renderMetrics)
{
    private const string SnapshotKey = "treaty:snapshot:v2";
    private static readonly HybridCacheEntryOptions SnapshotEntry = new() { Expiration = TimeSpan.FromMinutes(30), LocalCacheExpiration = TimeSpan.FromMinutes(10) };

    // Resolved from the call's scope on first use: an answer from the cache leases no database context.
    private TreatyDbContext Database => field ??= call.GetRequiredService<TreatyDbContext>();

    private LegislationRegister Legislation => field ??= call.GetRequiredService<LegislationRegister>();

    public async ValueTask<TreatySnapshot> SnapshotAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(SnapshotKey, this, static async (reader, ct) => await LoadAsync(reader.Database, ct), SnapshotEntry, [CacheTags.Snapshot], ct);

    public static async Task<TreatySnapshot> LoadAsync(TreatyDbContext db, CancellationToken ct)
    {
        var instruments = await db.Instruments.AsNoTracking().ToListAsync(ct);
        var actions = await db.TreatyActions.AsNoTracking().Where(a => !a.Withdrawn).ToListAsync(ct);
        var statements = await db.StatusStatements.AsNoTracking().ToListAsync(ct);
        // A finding on a state's row is a caveat of that state; one on an instrument alone (no state), of the whole instrument.
        var caveats = await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.Severity != FindingSeverity.Info && f.InstrumentId != "")
            .OrderBy(f => f.SourceFile).ThenBy(f => f.Line).ThenBy(f => f.Rule)
            .Select(f => new DataCaveat(f.StateCode, f.InstrumentId, f.Rule, f.Description)).ToListAsync(ct);
        var evidence = await db.StatusEvidence.AsNoTracking().ToListAsync(ct);
        return new TreatySnapshot(instruments, actions.Select(a => a.ToFact()).ToList(), statements, caveats, evidence);
    }

    public async Task<(IReadOnlyList<Instrument> Page, string Next)> ListInstrumentsAsync(PageRequest page, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        return page.Take(snapshot.Instruments.OrderBy(i => i.Id, StringComparer.Ordinal), i => i.Id);
    }

    public async Task<Instrument> GetInstrumentAsync(string? id, string field, CancellationToken ct) =>
        Find(await SnapshotAsync(ct), id, field);

    public async Task<StateStatus> StateStatusAsync(string? stateCode, DateOnly asOf, CancellationToken ct)
    {
        var code = await register.EnsureMemberAsync(stateCode, "state_code", ct);
        return await cache.GetOrCreateAsync(
            $"treaty:state:v2:{code}:{asOf:yyyy-MM-dd}",
            (Reader: this, Code: code, AsOf: asOf),
            static async (s, ct) => await s.Reader.ComputeStateStatusAsync(s.Code, s.AsOf, ct),
            tags: [CacheTags.State(code)],
            cancellationToken: ct);
    }

    private async Task<StateStatus> ComputeStateStatusAsync(string code, DateOnly asOf, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var laws = await Legislation.AllAsync(ct);
        var pending = laws.Where(l => l.StateCode == code && !l.IsInEffect && (l.ReportedOn is null || l.ReportedOn <= asOf)).ToList();
        var lines = snapshot.ReportOrder.Select(i =>
        {
            var standing = snapshot.StandingOf(i, code, asOf);
            // Why an entry into force is not computed is said once for the instrument; it belongs to each such state too.
            var instrumentCaveats = standing?.EntryIntoForceUnknown == true
                ? snapshot.CaveatsOf(i.Id, "").Where(c => c.Rule == FindingRules.EntryIntoForceRuleNotRecorded)
                : [];
            return new StateInstrumentLine(
                i.Id,
                standing,
                !snapshot.IsRecorded(i, code, asOf, standing),
                [.. snapshot.CaveatsOf(i.Id, code).Concat(instrumentCaveats).Select(c => c.Text)],
                [.. snapshot.EvidenceOf(i.Id, code)],
                [.. pending.Where(l => l.InstrumentIds.Contains(i.Id))]);
        }).ToArray();
        var statements = snapshot.Statements.Where(s => s.StateCode == code && s.MadeOn <= asOf).OrderBy(s => s.MadeOn).ThenBy(s => s.Id).ToArray();
        return new StateStatus(code, asOf, lines, statements);
    }

    /// <summary>
    /// The ratification report: one cached value per date, scope and instruments (in report order,
    /// whatever the order asked), computed from the snapshot fetched to check the instruments.
    /// </summary>
    public async Task<RatificationReport> ReportAsync(DateOnly asOf, ReportScopeKind scope, IReadOnlyList<string> instrumentIds, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var instruments = Select(snapshot, instrumentIds, "instrument_ids");
        return await cache.GetOrCreateAsync(
            $"treaty:report:v2:{asOf:yyyy-MM-dd}:{scope}:{string.Join(',', instruments.Select(i => i.Id))}",
            (Reader: this, Snapshot: snapshot, AsOf: asOf, Scope: scope, Instruments: instruments),
            static async (s, ct) => await s.Reader.RenderReportAsync(s.Snapshot, s.AsOf, s.Scope, s.Instruments, ct),
            tags: [CacheTags.Register, .. instruments.Select(i => CacheTags.Instrument(i.Id))],
            cancellationToken: ct);
    }

    public async Task<InstrumentStatus> InstrumentStatusAsync(string? instrumentId, DateOnly asOf, ReportScopeKind scope, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var instrument = Find(snapshot, instrumentId, "instrument_id");
        return await cache.GetOrCreateAsync(
            $"treaty:instrument:v2:{instrument.Id}:{asOf:yyyy-MM-dd}:{scope}",
            (Reader: this, Snapshot: snapshot, Instrument: instrument, AsOf: asOf, Scope: scope),
            static async (s, ct) => s.Snapshot.StatusOf(s.Instrument, s.AsOf, s.Scope, await s.Reader.RegisterOnAsync(s.AsOf, ct)),
            tags: [CacheTags.Register, CacheTags.Instrument(instrument.Id)],
            cancellationToken: ct);
    }

    public async Task<StatusComparison> CompareAsync(DateOnly from, DateOnly to, ReportScopeKind scope, IReadOnlyList<string> instrumentIds, string? stateCode, CancellationToken ct)
    {
        if (to < from)
        {
            throw new ValidationException("to_date", "must not precede from_date");
        }

        var code = string.IsNullOrWhiteSpace(stateCode) ? null : await register.EnsureMemberAsync(stateCode, "state_code", ct);
        var snapshot = await SnapshotAsync(ct);
        var instruments = Select(snapshot, instrumentIds, "instrument_ids");
        return snapshot.Compare(from, to, scope, await RegisterOnAsync(from, ct), await RegisterOnAsync(to, ct), instruments, code);
    }

    /// <summary>The register as it stood on a day (membership is dated).</summary>
    public async Task<IReadOnlyList<StateOnDate>> RegisterOnAsync(DateOnly date, CancellationToken ct) =>
        (await register.ListAsync(ct)).Select(s => new StateOnDate(s.Code, s.NameEn, s.IsMemberOn(date), s.CountsOn(date), Describe(s.ParticipationOn(date)))).ToList();

    private static string Describe(Participation participation) => participation switch
    {
        Participation.NotParticipating => "not participating",
        Participation.Suspended => "suspended",
        Participation.Withdrawn => "withdrawn",
        _ => "participating",
    };

    private async Task<RatificationReport> RenderReportAsync(
        TreatySnapshot snapshot, DateOnly asOf, ReportScopeKind scope, IReadOnlyList<Instrument> instruments, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var report = snapshot.Report(asOf, scope, await RegisterOnAsync(asOf, ct), instruments);
        renderMetrics.Rendered("ratification", started);
        return report;
    }

    private static Instrument Find(TreatySnapshot snapshot, string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException(field, "is required, e.g. \"untoc-tip\"");
        }

        return snapshot.InstrumentsById.GetValueOrDefault(id) ?? throw new NotFoundException("instrument", id);
    }

    private static List<Instrument> Select(TreatySnapshot snapshot, IReadOnlyList<string> ids, string field)
    {
        if (ids.Count == 0)
        {
            return [.. snapshot.ReportOrder];
        }

        var violations = new FieldViolations();
        foreach (var id in ids.Where(id => !snapshot.InstrumentsById.ContainsKey(id)))
        {
            violations.Add(field, $"\"{id}\" is not an instrument this service follows (see ListInstruments)");
        }

        violations.ThrowIfAny();
        // The report's order, whatever the order asked.
        return snapshot.ReportOrder.Where(i => ids.Contains(i.Id)).ToList();
    }
}
