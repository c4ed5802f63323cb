using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Imports the reference status tables shipped with the service: instruments, the UN Treaty Collection
/// status of the Palermo Convention and its protocols, and the OAS table for A-55; and the national
/// reports the GT/DOT-II report records. Idempotent: a row already imported is left alone (or updated
/// when the file changed, unless the Secretariat corrected it). Rows are imported as published; what
/// they get wrong is listed as data-quality findings, so nothing is dropped silently.
/// </summary>
public sealed partial class ReferenceDataImporter(
    TreatyDbContext db, HybridCache cache, TimeProvider clock, DataQualityGauge findingsGauge, ILogger<ReferenceDataImporter> logger)
{
    public const string InstrumentsFile = "instruments.csv";
    public const string UntocFile = "untoc_oas_status.csv";
    public const string A55File = "oas_a55_status.csv";
    public const string NationalReportsFile = "gtdot_ii_national_reports.json";
    private const string ImportedBy = "reference data import";
    private const string DeclarationsInSourceTable = "Declarations or reservations made (their text is in the depositary's status table).";

    public static string ReferenceFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        var instruments = await ImportInstrumentsAsync(cancellationToken);
        var findings = new List<DataQualityFinding>();
        var rows = new List<ImportedRow>();
        var rowsRead = ReadUntoc(instruments, rows, findings) + ReadA55(instruments, rows, findings);
        FindRuleBreaches(instruments, rows, findings);

        var (created, updated, unchanged, kept) = await UpsertActionsAsync(rows, cancellationToken);
        await EnsureLedgersAsync(rows.Select(r => r.Action.StateCode), cancellationToken);
        var findingsChanged = await UpsertFindingsAsync(findings, cancellationToken);
        var reportsAdded = await ImportNationalReportsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (created + updated + findingsChanged + reportsAdded > 0)
        {
            // Everything may have changed: every cached read of this service goes.
            await cache.RemoveByTagAsync([CacheTags.Snapshot, CacheTags.Legislation, CacheTags.Findings], cancellationToken);
            await cache.RemoveByTagAsync(instruments.Keys.Select(CacheTags.Instrument), cancellationToken);
            await cache.RemoveByTagAsync(rows.Select(r => r.Action.StateCode).Distinct().Select(CacheTags.State), cancellationToken);
            var reportStates = await db.Legislation.Select(l => l.StateCode).Union(db.StatusStatements.Select(s => s.StateCode)).ToListAsync(cancellationToken);
            await cache.RemoveByTagAsync(reportStates.Select(CacheTags.State), cancellationToken);
        }

        findingsGauge.Update(findings);
        var summary = new ImportSummary(instruments.Count, rowsRead, created, updated, unchanged, kept, findings.Count);
        LogImported(logger, summary.RowsRead, created, updated, unchanged, kept, findings.Count);
        return summary;
    }

    private async Task<Dictionary<string, Instrument>> ImportInstrumentsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Instruments.ToDictionaryAsync(i => i.Id, cancellationToken);
        var position = 0;
        foreach (var (row, _) in Read<InstrumentRow>(InstrumentsFile))
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
            instrument.ParentId = Blank(row.Parent);
            instrument.Adopted = ParseDate(row.Adopted) ?? throw new InvalidDataException($"{InstrumentsFile}: {row.Id} has no adoption date.");
            instrument.Depositary = row.Depositary;
            instrument.SignatureClosed = ParseDate(row.SignatureClosed);
            instrument.EntryIntoForce = ParseDate(row.EntryIntoForce);
            instrument.EntryIntoForceThreshold = ParseInt(row.EifThreshold);
            instrument.DaysAfterThreshold = ParseInt(row.EifDaysAfterThreshold);
            instrument.DaysAfterLaterDeposit = ParseInt(row.EifDaysAfterLaterDeposit);
            instrument.Articles = row.Articles;
            instrument.Position = ++position;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private static int ReadUntoc(Dictionary<string, Instrument> instruments, List<ImportedRow> rows, List<DataQualityFinding> findings)
    {
        var count = 0;
        foreach (var (row, line) in Read<UntocRow>(UntocFile))
        {
            count++;
            var state = row.State.Trim().ToUpperInvariant();
            void Finding(string rule, FindingSeverity severity, string description) =>
                findings.Add(NewFinding(UntocFile, line, state, row.Instrument, rule, severity, description));

            if (!instruments.ContainsKey(row.Instrument))
            {
                Finding("UNKNOWN_INSTRUMENT", FindingSeverity.Error, $"The row names instrument '{row.Instrument}', which instruments.csv does not list; it was not imported as an action.");
                continue;
            }

            var signature = ParseDate(row.SignatureDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"signature_date '{d}' is not a date (yyyy-MM-dd); no signature was imported from it."));
            var consent = ParseDate(row.ConsentDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"consent_date '{d}' is not a date (yyyy-MM-dd); no consent was imported from it."));
            if (signature is { } s)
            {
                rows.Add(new ImportedRow(UntocFile, line, NewAction(UntocFile, state, row.Instrument, "signature", ActionKind.Signature, s, null, [], row.Source, row.Note)));
            }

            if (consent is { } c)
            {
                var kind = ParseConsentKind(row.ConsentKind);
                if (kind is null)
                {
                    kind = signature is null ? ActionKind.Accession : ActionKind.Ratification;
                    Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"consent_kind '{row.ConsentKind}' is not given or not known; read as {kind.Value.Describe()} because the state {(signature is null ? "did not sign" : "signed")}.");
                }

                // The UN Treaty Collection gives the date of deposit of the instrument of consent.
                rows.Add(new ImportedRow(UntocFile, line, NewAction(UntocFile, state, row.Instrument, "consent", kind.Value, null, c, [], row.Source, row.Note)));
            }

            if (row.Note.Contains("lost the accession marker", StringComparison.OrdinalIgnoreCase))
            {
                Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"The source lost the accession marker; the row reads '{row.ConsentKind}' because the state did not sign.");
            }

            if (row.Note.Contains("after the source was taken", StringComparison.OrdinalIgnoreCase))
            {
                Finding("LATER_ACTION_NOT_IN_DATA", FindingSeverity.Warning, $"A later action is known but not in the data: {row.Note}.");
            }
        }

        return count;
    }

    private static int ReadA55(Dictionary<string, Instrument> instruments, List<ImportedRow> rows, List<DataQualityFinding> findings)
    {
        var count = 0;
        foreach (var (row, line) in Read<A55Row>(A55File))
        {
            count++;
            var state = row.State.Trim().ToUpperInvariant();
            var instrument = row.Instrument.Trim().ToLowerInvariant();
            void Finding(string rule, FindingSeverity severity, string description) =>
                findings.Add(NewFinding(A55File, line, state, instrument, rule, severity, description));

            if (!instruments.ContainsKey(instrument))
            {
                Finding("UNKNOWN_INSTRUMENT", FindingSeverity.Error, $"The row names instrument '{row.Instrument}', which instruments.csv does not list; it was not imported as an action.");
                continue;
            }

            if (row.Source.Trim() == "(none)" || row.Note.StartsWith("GAP", StringComparison.OrdinalIgnoreCase))
            {
                Finding("DATA_GAP", FindingSeverity.Warning, $"No data for {row.StateName}: {row.Note.Replace("GAP: ", "", StringComparison.Ordinal)}. Its status is unknown, not 'no action'.");
            }
            else if (row.Note.Contains("not listed", StringComparison.OrdinalIgnoreCase))
            {
                Finding("DATA_GAP", FindingSeverity.Warning, $"{row.StateName} is {row.Note} of the source; its status is unknown, not 'no action'.");
            }

            if (row.Note.Contains("2-digit years", StringComparison.OrdinalIgnoreCase))
            {
                Finding("TWO_DIGIT_YEAR", FindingSeverity.Info, $"The source gives two-digit years ({row.Note.Replace("source uses 2-digit years ", "", StringComparison.Ordinal)}); read as {row.ConsentDate} and {row.DepositDate}.");
            }

            var declarations = new List<string>();
            var flag = row.Declarations.Trim();
            if (flag.StartsWith('Y'))
            {
                declarations.Add(DeclarationsInSourceTable);
                if (flag != "Yes")
                {
                    Finding("TRUNCATED_VALUE", FindingSeverity.Warning, $"declarations_or_reservations reads '{flag}' (cut in the source excerpt); read as 'Yes'.");
                }
            }

            var signature = ParseDate(row.SignatureDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"signature_date '{d}' is not a date; no signature was imported from it."));
            var act = ParseDate(row.ConsentDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"ratification_or_accession_date '{d}' is not a date."));
            var deposit = ParseDate(row.DepositDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"deposit_date '{d}' is not a date."));
            if (signature is { } s)
            {
                rows.Add(new ImportedRow(A55File, line, NewAction(A55File, state, instrument, "signature", ActionKind.Signature, s, null, [], row.Source, row.Note)));
            }

            if (act is not null || deposit is not null)
            {
                ActionKind? kind = row.Kind.Trim() switch { "RA" => ActionKind.Ratification, "AD" => ActionKind.Accession, _ => null };
                if (kind is null)
                {
                    kind = signature is null ? ActionKind.Accession : ActionKind.Ratification;
                    Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"instrument_kind '{row.Kind}' is not RA or AD; read as {kind.Value.Describe()} because the state {(signature is null ? "did not sign" : "signed")}.");
                }

                if (act is { } a && deposit is { } d && d < a)
                {
                    Finding("DEPOSIT_BEFORE_ACT", FindingSeverity.Error, $"The deposit ({d:yyyy-MM-dd}) precedes the act of consent ({a:yyyy-MM-dd}).");
                }

                rows.Add(new ImportedRow(A55File, line, NewAction(A55File, state, instrument, "consent", kind.Value, act, deposit, declarations, row.Source, row.Note)));
            }
        }

        return count;
    }

    /// <summary>The treaty rules over the rows as published; each breach becomes a finding on its row.</summary>
    private static void FindRuleBreaches(Dictionary<string, Instrument> instruments, List<ImportedRow> rows, List<DataQualityFinding> findings)
    {
        // Temporary ids tie a breach back to its row.
        var byId = rows.Select((r, i) => (Row: r, Id: -(i + 1L))).ToDictionary(x => x.Id, x => x.Row);
        var facts = byId.Select(x => x.Value.Action.ToFact() with { Id = x.Key }).ToList();
        foreach (var state in facts.GroupBy(f => f.StateCode))
        {
            foreach (var breach in TreatyRules.Validate(instruments, state))
            {
                var row = byId[breach.ActionId];
                findings.Add(NewFinding(row.File, row.Line, breach.StateCode, breach.InstrumentId, breach.Rule, FindingSeverity.Error,
                    $"As published: {breach.Description} The row is imported as published."));
            }
        }
    }

    private async Task<(int Created, int Updated, int Unchanged, int Kept)> UpsertActionsAsync(List<ImportedRow> rows, CancellationToken cancellationToken)
    {
        var existing = await db.TreatyActions.Include(a => a.History).Where(a => a.ImportKey != null).ToDictionaryAsync(a => a.ImportKey!, cancellationToken);
        var now = clock.StoredUtcNow();
        int created = 0, updated = 0, unchanged = 0, kept = 0;
        foreach (var row in rows)
        {
            var incoming = row.Action;
            if (!existing.TryGetValue(incoming.ImportKey!, out var action))
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

    private async Task<int> ImportNationalReportsAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(ReferenceFolder, NationalReportsFile));
        var reports = await JsonSerializer.DeserializeAsync<NationalReports>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"{NationalReportsFile} is empty.");
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
                ReportedOn = ParseDate(law.ReportedOn),
            });
            added++;
        }

        foreach (var statement in reports.Statements.Where(s => !knownStatements.Contains(s.Key)))
        {
            db.StatusStatements.Add(new StatusStatement
            {
                RequestId = statement.Key,
                StateCode = statement.StateCode,
                MadeOn = ParseDate(statement.MadeOn) ?? throw new InvalidDataException($"{NationalReportsFile}: statement {statement.Key} has no date."),
                Source = statement.Source,
                Text = statement.Text,
                InstrumentIds = statement.InstrumentIds,
                Note = statement.Note,
            });
            added++;
        }

        return added;
    }

    private static bool SameContent(TreatyAction a, TreatyAction b) =>
        a.Kind == b.Kind && a.ActDate == b.ActDate && a.DepositDate == b.DepositDate && a.Source == b.Source && a.Note == b.Note
        && a.Declarations.SequenceEqual(b.Declarations) && a.Reservations.SequenceEqual(b.Reservations);

    private static TreatyAction NewAction(string file, string state, string instrument, string part, ActionKind kind, DateOnly? act, DateOnly? deposit, List<string> declarations, string source, string note) => new()
    {
        StateCode = state,
        InstrumentId = instrument,
        Kind = kind,
        ActDate = act,
        DepositDate = deposit,
        Declarations = declarations,
        Source = source,
        Note = note,
        Origin = ActionOrigin.Imported,
        ImportKey = $"{file}/{state}/{instrument}/{part}",
    };

    private static DataQualityFinding NewFinding(string file, int line, string state, string instrument, string rule, FindingSeverity severity, string description) => new()
    {
        Key = $"{file}:{line}:{rule}",
        SourceFile = file,
        Line = line,
        StateCode = state,
        InstrumentId = instrument,
        Rule = rule,
        Severity = severity,
        Description = description,
    };

    private static ActionKind? ParseConsentKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "ratification" => ActionKind.Ratification,
        "accession" => ActionKind.Accession,
        "acceptance" => ActionKind.Acceptance,
        "approval" => ActionKind.Approval,
        "succession" => ActionKind.Succession,
        _ => null,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int? ParseInt(string? s) => Blank(s) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;

    private static DateOnly? ParseDate(string? s, Action<string>? unreadable = null)
    {
        if (Blank(s) is not { } t)
        {
            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (unreadable is null)
        {
            throw new InvalidDataException($"'{t}' is not a date (yyyy-MM-dd).");
        }

        unreadable(t);
        return null;
    }

    /// <summary>Each record with its line in the file (the header is line 1).</summary>
    private static List<(T Row, int Line)> Read<T>(string file)
    {
        using var reader = new StreamReader(Path.Combine(ReferenceFolder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<(T, int)>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add((csv.GetRecord<T>(), csv.Parser.RawRow));
        }

        return rows;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [LoggerMessage(Level = LogLevel.Information, Message = "Treaty reference data: {Rows} status rows read; {Created} actions created, {Updated} updated, {Unchanged} unchanged, {Kept} kept as corrected; {Findings} data-quality findings")]
    private static partial void LogImported(ILogger logger, int rows, int created, int updated, int unchanged, int kept, int findings);

    private sealed record ImportedRow(string File, int Line, TreatyAction Action);

    private sealed class InstrumentRow
    {
        [Name("id")] public string Id { get; set; } = "";
        [Name("short_name")] public string ShortName { get; set; } = "";
        [Name("title")] public string Title { get; set; } = "";
        [Name("parent")] public string Parent { get; set; } = "";
        [Name("adopted")] public string Adopted { get; set; } = "";
        [Name("depositary")] public string Depositary { get; set; } = "";
        [Name("signature_closed")] public string SignatureClosed { get; set; } = "";
        [Name("entry_into_force")] public string EntryIntoForce { get; set; } = "";
        [Name("eif_threshold")] public string EifThreshold { get; set; } = "";
        [Name("eif_days_after_threshold")] public string EifDaysAfterThreshold { get; set; } = "";
        [Name("eif_days_after_later_deposit")] public string EifDaysAfterLaterDeposit { get; set; } = "";
        [Name("articles")] public string Articles { get; set; } = "";
    }

    private sealed class UntocRow
    {
        [Name("state_iso3")] public string State { get; set; } = "";
        [Name("instrument")] public string Instrument { get; set; } = "";
        [Name("signature_date")] public string SignatureDate { get; set; } = "";
        [Name("consent_date")] public string ConsentDate { get; set; } = "";
        [Name("consent_kind")] public string ConsentKind { get; set; } = "";
        [Name("source")] public string Source { get; set; } = "";
        [Name("note")] public string Note { get; set; } = "";
    }

    private sealed class A55Row
    {
        [Name("state_iso3")] public string State { get; set; } = "";
        [Name("state_name")] public string StateName { get; set; } = "";
        [Name("instrument")] public string Instrument { get; set; } = "";
        [Name("signature_date")] public string SignatureDate { get; set; } = "";
        [Name("ratification_or_accession_date")] public string ConsentDate { get; set; } = "";
        [Name("deposit_date")] public string DepositDate { get; set; } = "";
        [Name("instrument_kind")] public string Kind { get; set; } = "";
        [Name("declarations_or_reservations")] public string Declarations { get; set; } = "";
        [Name("source")] public string Source { get; set; } = "";
        [Name("note")] public string Note { get; set; } = "";
    }

    private sealed class NationalReports
    {
        public List<LawEntry> Legislation { get; set; } = [];
        public List<StatementEntry> Statements { get; set; } = [];
    }

    private sealed class LawEntry
    {
        public string Key { get; set; } = "";
        public string StateCode { get; set; } = "";
        public string Title { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public string? EnactedOn { get; set; }
        public string? InForceOn { get; set; }
        public List<string> Topics { get; set; } = [];
        public List<string> InstrumentIds { get; set; } = [];
        public string Summary { get; set; } = "";
        public string Source { get; set; } = "";
        public string? ReportedOn { get; set; }
    }

    private sealed class StatementEntry
    {
        public string Key { get; set; } = "";
        public string StateCode { get; set; } = "";
        public string MadeOn { get; set; } = "";
        public string Source { get; set; } = "";
        public string Text { get; set; } = "";
        public List<string> InstrumentIds { get; set; } = [];
        public string Note { get; set; } = "";
    }
}
