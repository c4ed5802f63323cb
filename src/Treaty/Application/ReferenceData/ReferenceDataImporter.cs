using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Imports the reference data shipped with the service: instruments, the UN Treaty Collection status
/// of the Palermo Convention and its protocols, the OAS table for A-55, the per-state CIFTA rows, the
/// published evidence of who had ratified by a date; and the national reports the GT/DOT-II report
/// records. Idempotent, and run on every start, so a database picks up new reference data: a row
/// already imported is left alone (or updated when the file changed, unless the Secretariat corrected
/// it); a new row whose action the Secretariat already recorded is not imported over it; the evidence
/// and the findings follow the files. Rows are imported as published; what they get wrong is listed as
/// data-quality findings (<see cref="PublishedStatus"/>), so nothing is dropped silently.
/// </summary>
public sealed partial class ReferenceDataImporter(
    TreatyDbContext db, HybridCache cache, TimeProvider clock, DataQualityGauge findingsGauge, ILogger<ReferenceDataImporter> logger)
{
    private const string ImportedBy = "reference data import";

    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        var instruments = await ImportInstrumentsAsync(cancellationToken);
        var published = PublishedStatus.Read(instruments);

        var (created, updated, unchanged, kept) = await UpsertActionsAsync(published, cancellationToken);
        await EnsureLedgersAsync(published.Rows.Select(r => r.Action.StateCode), cancellationToken);
        var evidenceChanged = await UpsertEvidenceAsync(published.Evidence, cancellationToken);
        var findingsChanged = await UpsertFindingsAsync(published.Findings, cancellationToken);
        var reportsAdded = await ImportNationalReportsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (created + updated + evidenceChanged + findingsChanged + reportsAdded > 0)
        {
            var states = published.Rows.Select(r => r.Action.StateCode).Concat(published.Evidence.Select(e => e.StateCode));
            await InvalidateAsync(instruments.Keys, states, cancellationToken);
        }

        findingsGauge.Update(published.Findings);
        var summary = new ImportSummary(
            instruments.Count, published.RowsRead, created, updated, unchanged, kept, published.Findings.Count, published.Evidence.DistinctBy(e => e.Key).Count());
        LogImported(logger, summary.RowsRead, created, updated, unchanged, kept, summary.Findings, summary.Evidence);
        return summary;
    }

    private async Task<Dictionary<string, Instrument>> ImportInstrumentsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Instruments.ToDictionaryAsync(i => i.Id, cancellationToken);
        var position = 0;
        foreach (var (row, _) in ReferenceFiles.ReadCsv<InstrumentRow>(ReferenceFiles.Instruments))
        {
            var instrument = existing.GetValueOrDefault(row.Id);
            if (instrument is null)
            {
                instrument = new Instrument { Id = row.Id, ShortName = row.ShortName, Title = row.Title, Depositary = row.Depositary };
                db.Instruments.Add(instrument);
                existing[row.Id] = instrument;
            }

            instrument.ShortName = row.ShortName;
            instrument.Title = row.Title;
            instrument.ParentId = ReferenceFiles.Blank(row.Parent);
            instrument.Adopted = ReferenceFiles.ParseDate(row.Adopted) ?? throw new InvalidDataException($"{ReferenceFiles.Instruments}: {row.Id} has no adoption date.");
            instrument.Depositary = row.Depositary;
            instrument.SignatureClosed = ReferenceFiles.ParseDate(row.SignatureClosed);
            instrument.EntryIntoForce = ReferenceFiles.ParseDate(row.EntryIntoForce);
            instrument.EntryIntoForceThreshold = ReferenceFiles.ParseInt(row.EifThreshold);
            instrument.DaysAfterThreshold = ReferenceFiles.ParseInt(row.EifDaysAfterThreshold);
            instrument.DaysAfterLaterDeposit = ReferenceFiles.ParseInt(row.EifDaysAfterLaterDeposit);
            instrument.Articles = row.Articles;
            instrument.Position = ++position;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task<(int Created, int Updated, int Unchanged, int Kept)> UpsertActionsAsync(PublishedStatus published, CancellationToken cancellationToken)
    {
        var existing = await db.TreatyActions.Include(a => a.History).Where(a => a.ImportKey != null).ToDictionaryAsync(a => a.ImportKey!, cancellationToken);
        var recorded = (await db.TreatyActions.AsNoTracking().Where(a => a.Origin == ActionOrigin.Recorded && !a.Withdrawn).ToListAsync(cancellationToken))
            .ToLookup(a => (a.StateCode, a.InstrumentId, Step(a.Kind)));
        var now = clock.StoredUtcNow();
        int created = 0, updated = 0, unchanged = 0, kept = 0;
        foreach (var row in published.Rows.ToList())
        {
            var incoming = row.Action;
            if (!existing.TryGetValue(incoming.ImportKey!, out var action)
                && recorded[(incoming.StateCode, incoming.InstrumentId, Step(incoming.Kind))].FirstOrDefault() is { } own)
            {
                // Published after the Secretariat recorded the same step: its record stands, and is not doubled.
                published.AddFinding(row.File, row.Line, incoming.StateCode, incoming.InstrumentId, "ALREADY_RECORDED", FindingSeverity.Info,
                    $"The row's {incoming.Kind.Describe()} ({incoming.ToFact().Date:yyyy-MM-dd}) was not imported: the Secretariat had recorded "
                    + $"{TreatyActionLedger.NamePrefix}{own.Id}, a {own.Kind.Describe()} dated {own.ToFact().Date:yyyy-MM-dd}, which stands.");
                kept++;
            }
            else if (action is null)
            {
                incoming.Version = Guid.NewGuid();
                incoming.History.Add(new TreatyActionRevision { Change = RevisionChange.Imported, ChangedAt = now, ChangedBy = ImportedBy, Summary = $"{row.File}, line {row.Line}" });
                db.TreatyActions.Add(incoming);
                existing[incoming.ImportKey!] = incoming;
                created++;
            }
            else if (SameContent(action, incoming))
            {
                unchanged++;
            }
            else if (action.ChangedBySecretariat)
            {
                kept++;
            }
            else
            {
                var summary = ActionChanges.Describe(action, incoming);
                (action.Kind, action.ActDate, action.DepositDate, action.Declarations, action.Reservations, action.Source, action.Note) =
                    (incoming.Kind, incoming.ActDate, incoming.DepositDate, incoming.Declarations, incoming.Reservations, incoming.Source, incoming.Note);
                action.Version = Guid.NewGuid();
                action.History.Add(new TreatyActionRevision { Change = RevisionChange.Reimported, ChangedAt = now, ChangedBy = ImportedBy, Summary = summary });
                updated++;
            }
        }

        return (created, updated, unchanged, kept);
    }

    private async Task EnsureLedgersAsync(IEnumerable<string> states, CancellationToken cancellationToken)
    {
        var known = (await db.StateLedgers.Select(l => l.StateCode).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var state in states.Distinct().Where(s => !known.Contains(s)))
        {
            db.StateLedgers.Add(new StateLedger { StateCode = state, Version = Guid.NewGuid() });
        }
    }

    /// <summary>The evidence as the files give it now: new rows added, changed ones updated, rows the files no longer give removed.</summary>
    private async Task<int> UpsertEvidenceAsync(List<StatusEvidence> evidence, CancellationToken cancellationToken)
    {
        var existing = await db.StatusEvidence.ToDictionaryAsync(e => e.Key, cancellationToken);
        var changed = 0;
        foreach (var item in evidence.DistinctBy(e => e.Key))
        {
            if (!existing.Remove(item.Key, out var current))
            {
                db.StatusEvidence.Add(item);
                changed++;
            }
            else if (!current.SameAs(item))
            {
                (current.SourceFile, current.Line, current.StateCode, current.InstrumentId, current.Kind, current.AsOf, current.AsOfText, current.Status, current.Source, current.Note) =
                    (item.SourceFile, item.Line, item.StateCode, item.InstrumentId, item.Kind, item.AsOf, item.AsOfText, item.Status, item.Source, item.Note);
                changed++;
            }
        }

        db.StatusEvidence.RemoveRange(existing.Values);
        return changed + existing.Count;
    }

    private async Task<int> UpsertFindingsAsync(List<DataQualityFinding> findings, CancellationToken cancellationToken)
    {
        var existing = await db.DataQualityFindings.ToDictionaryAsync(f => f.Key, cancellationToken);
        var changed = 0;
        foreach (var finding in findings.DistinctBy(f => f.Key))
        {
            if (!existing.Remove(finding.Key, out var current))
            {
                db.DataQualityFindings.Add(finding);
                changed++;
            }
            else if (!current.SameAs(finding))
            {
                (current.SourceFile, current.Line, current.StateCode, current.InstrumentId, current.Rule, current.Severity, current.Description) =
                    (finding.SourceFile, finding.Line, finding.StateCode, finding.InstrumentId, finding.Rule, finding.Severity, finding.Description);
                changed++;
            }
        }

        // Findings the files no longer give are gone.
        db.DataQualityFindings.RemoveRange(existing.Values);
        return changed + existing.Count;
    }

    /// <summary>The legislation and statements of the national reports not imported before (their key is their request id).</summary>
    private async Task<int> ImportNationalReportsAsync(CancellationToken cancellationToken)
    {
        var reports = await ReferenceFiles.ReadJsonAsync<NationalReports>(ReferenceFiles.NationalReports, cancellationToken);
        var knownLaws = (await db.Legislation.Where(l => l.RequestId != null).Select(l => l.RequestId!).ToListAsync(cancellationToken)).ToHashSet();
        var knownStatements = (await db.StatusStatements.Where(s => s.RequestId != null).Select(s => s.RequestId!).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var law in reports.Legislation.Where(l => !knownLaws.Contains(l.Key)))
        {
            db.Legislation.Add(new Legislation
            {
                RequestId = law.Key,
                StateCode = law.StateCode,
                Title = law.Title,
                Kind = Enum.Parse<LegislationKind>(law.Kind),
                Status = Enum.Parse<LegislationStatus>(law.Status),
                EnactedOn = law.EnactedOn is null ? null : PartialDate.Parse(law.EnactedOn),
                InForceOn = law.InForceOn is null ? null : PartialDate.Parse(law.InForceOn),
                Topics = law.Topics,
                InstrumentIds = law.InstrumentIds,
                Summary = law.Summary,
                Source = law.Source,
                ReportedOn = ReferenceFiles.ParseDate(law.ReportedOn),
            });
            added++;
        }

        foreach (var statement in reports.Statements.Where(s => !knownStatements.Contains(s.Key)))
        {
            db.StatusStatements.Add(new StatusStatement
            {
                RequestId = statement.Key,
                StateCode = statement.StateCode,
                MadeOn = ReferenceFiles.ParseDate(statement.MadeOn) ?? throw new InvalidDataException($"{ReferenceFiles.NationalReports}: statement {statement.Key} has no date."),
                Source = statement.Source,
                Text = statement.Text,
                InstrumentIds = statement.InstrumentIds,
                Note = statement.Note,
            });
            added++;
        }

        return added;
    }

    /// <summary>Everything may have changed: every cached read of this service goes.</summary>
    private async Task InvalidateAsync(IEnumerable<string> instrumentIds, IEnumerable<string> actionStates, CancellationToken cancellationToken)
    {
        await cache.RemoveByTagAsync([CacheTags.Snapshot, CacheTags.Legislation, CacheTags.Findings], cancellationToken);
        await cache.RemoveByTagAsync(instrumentIds.Select(CacheTags.Instrument), cancellationToken);
        await cache.RemoveByTagAsync(actionStates.Distinct().Select(CacheTags.State), cancellationToken);
        var reportStates = await db.Legislation.Select(l => l.StateCode).Union(db.StatusStatements.Select(s => s.StateCode)).ToListAsync(cancellationToken);
        await cache.RemoveByTagAsync(reportStates.Select(CacheTags.State), cancellationToken);
    }

    /// <summary>Which step of a state's history an action is: its signature, its consent, or a denunciation.</summary>
    private static int Step(ActionKind kind) => kind == ActionKind.Signature ? 0 : kind == ActionKind.Denunciation ? 2 : 1;

    private static bool SameContent(TreatyAction a, TreatyAction b) =>
        a.Kind == b.Kind && a.ActDate == b.ActDate && a.DepositDate == b.DepositDate && a.Source == b.Source && a.Note == b.Note
        && a.Declarations.SequenceEqual(b.Declarations) && a.Reservations.SequenceEqual(b.Reservations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Treaty reference data: {Rows} status rows read; {Created} actions created, {Updated} updated, {Unchanged} unchanged, {Kept} kept as the Secretariat has them; {Findings} data-quality findings; {Evidence} pieces of status evidence")]
    private static partial void LogImported(ILogger logger, int rows, int created, int updated, int unchanged, int kept, int findings, int evidence);
}
