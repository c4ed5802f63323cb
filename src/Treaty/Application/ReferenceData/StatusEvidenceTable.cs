using System.Globalization;
using System.Text.RegularExpressions;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Reads status_evidence.csv: published lists of the states that had ratified by a date, and statements
/// that a state had not, none with the date of the state's own action. A listed state counts as having
/// ratified on or before the list's date, its own date unknown; a statement that it had not records its
/// status up to its date. No row is a dated consent, so each gets a finding saying how it was read; a
/// list that names more states than the dated rows give by its date gets one too.
/// </summary>
internal static partial class StatusEvidenceTable
{
    private const string FileName = ReferenceFiles.StatusEvidence;

    /// <summary>Adds the file's evidence, the signatures it dates, and the findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, PublishedStatus into)
    {
        var count = 0;
        var listed = new List<ListedConsent>();
        foreach (var (row, line) in ReferenceFiles.ReadCsv<EvidenceRow>(FileName))
        {
            count++;
            var state = row.State.Trim().ToUpperInvariant();
            var instrumentId = row.Instrument.Trim().ToLowerInvariant();
            void Finding(string rule, FindingSeverity severity, string description) =>
                into.AddFinding(FileName, line, state, instrumentId, rule, severity, description);

            if (!instruments.TryGetValue(instrumentId, out var instrument))
            {
                Finding("UNKNOWN_INSTRUMENT", FindingSeverity.Error, $"The row names instrument '{row.Instrument}', which instruments.csv does not list; it was not used.");
                continue;
            }

            var asOf = ReadDate(row, Finding);
            var status = row.Status.Trim();
            if (status.StartsWith("ratified", StringComparison.OrdinalIgnoreCase))
            {
                into.AddEvidence(FileName, line, state, instrumentId, EvidenceKind.ConsentedBy, asOf, row.AsOfText.Trim(), status, row.Source.Trim(), row.Note.Trim());
                if (asOf is { } by)
                {
                    listed.Add(new ListedConsent(line, state, instrument, by, row.AsOfText.Trim(), row.Source.Trim()));
                    CheckConsent(into.FirstDatedConsent(state, instrumentId), state, instrument, by, row.AsOfText.Trim(), Finding);
                }
            }
            else if (status.Contains("not ratified", StringComparison.OrdinalIgnoreCase))
            {
                into.AddEvidence(FileName, line, state, instrumentId, EvidenceKind.NotConsentedAsOf, asOf, row.AsOfText.Trim(), status, row.Source.Trim(), row.Note.Trim());
                var signature = ReadSignature(row, line, state, instrumentId, into);
                if (asOf is { } on)
                {
                    CheckNoConsent(into.FirstDatedConsent(state, instrumentId), state, instrument, on, status, signature, Finding);
                }
            }
            else
            {
                Finding("UNREADABLE_STATUS", FindingSeverity.Warning, $"The status '{status}' says neither that the state had ratified nor that it had not; the row was not used.");
            }
        }

        CompareCounts(listed, into);
        return count;
    }

    /// <summary>The day the row speaks of: its as_of, or the last day of the month its text gives alone; null (with a finding) when neither.</summary>
    private static DateOnly? ReadDate(EvidenceRow row, Action<string, FindingSeverity, string> finding)
    {
        var unreadable = false;
        if (ReferenceFiles.ParseDate(row.AsOf, d => unreadable = true) is { } day)
        {
            return day;
        }

        if (!unreadable && MonthOnly().Match(row.AsOfText) is { Success: true } m
            && DateTime.TryParseExact($"{m.Groups[1].Value} {m.Groups[2].Value}", "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            finding("MONTH_ONLY_DATE", FindingSeverity.Info, $"'{row.AsOfText.Trim()}' gives the month only; read as {last:yyyy-MM-dd}, the last day of that month, so that nothing is counted before the source says it.");
            return last;
        }

        finding("UNDATED_EVIDENCE", FindingSeverity.Warning, $"The row gives no date that can be read (as_of '{row.AsOf}', '{row.AsOfText}'); it is kept as evidence but counts for nothing.");
        return null;
    }

    /// <summary>A signature the statement dates to the day is an action; one it dates to the year, or not at all, is not.</summary>
    private static string ReadSignature(EvidenceRow row, int line, string state, string instrumentId, PublishedStatus into)
    {
        if (SignedOn().Match(row.Status) is { Success: true } day && ReferenceFiles.ParseDate(day.Groups[1].Value) is { } signed)
        {
            if (into.Rows.Any(r => r.File == FileName && r.Action is { Kind: ActionKind.Signature } a && a.StateCode == state && a.InstrumentId == instrumentId))
            {
                return $"; its signature of {signed:yyyy-MM-dd} is already imported from an earlier row of this file";
            }

            into.AddAction(FileName, line, state, instrumentId, "signature", ActionKind.Signature, signed, null, [], row.Source.Trim(), row.Note.Trim());
            return $"; its signature of {signed:yyyy-MM-dd} is imported as an action";
        }

        return SignedInYear().Match(row.Status) is { Success: true } year
            ? $"; it signed in {year.Groups[1].Value}, a date without its day, so no signature was imported"
            : "; the source gives no date of its signature, so none was imported";
    }

    private static void CheckConsent(DateOnly? dated, string state, Instrument instrument, DateOnly by, string asOfText, Action<string, FindingSeverity, string> finding)
    {
        if (dated is null)
        {
            finding("UNDATED_CONSENT", FindingSeverity.Info,
                $"{state} is listed as having ratified {instrument.ShortName} ({asOfText}) without the date of its own deposit: it counts as having ratified on or before {by:yyyy-MM-dd}, date unknown.");
        }
        else if (dated <= by)
        {
            finding("EVIDENCE_AGREES", FindingSeverity.Info,
                $"The list ({asOfText}) agrees with the dated rows: {state}'s consent to {instrument.ShortName} is dated {dated:yyyy-MM-dd}, on or before {by:yyyy-MM-dd}.");
        }
        else
        {
            finding("EVIDENCE_BEFORE_RECORDED_CONSENT", FindingSeverity.Warning,
                $"{state} is listed as having ratified {instrument.ShortName} by {by:yyyy-MM-dd} ({asOfText}), but the dated rows give its consent on {dated:yyyy-MM-dd}: it counts as having ratified from {by:yyyy-MM-dd}, on the list's word.");
        }
    }

    private static void CheckNoConsent(DateOnly? dated, string state, Instrument instrument, DateOnly on, string status, string signature, Action<string, FindingSeverity, string> finding)
    {
        if (dated is { } consent && consent <= on)
        {
            finding("EVIDENCE_CONTRADICTS_RECORD", FindingSeverity.Warning,
                $"{state} is said not to have ratified {instrument.ShortName} as of {on:yyyy-MM-dd} ('{status}'), but the dated rows give its consent on {consent:yyyy-MM-dd}; the dated consent counts.");
            return;
        }

        finding("NOT_CONSENTED_AS_OF", FindingSeverity.Info,
            $"{state} had not ratified {instrument.ShortName} as of {on:yyyy-MM-dd} ('{status}'): its status is recorded up to that date{signature}.");
    }

    /// <summary>A list that names more states than the dated rows give by its date: the dates of the others are missing.</summary>
    private static void CompareCounts(List<ListedConsent> listed, PublishedStatus into)
    {
        foreach (var list in listed.GroupBy(l => (l.Instrument.Id, l.AsOf, l.Source)))
        {
            var (instrumentId, asOf, source) = list.Key;
            var instrument = list.First().Instrument;
            var dated = into.Rows.Select(r => r.Action).Where(a => a.InstrumentId == instrumentId && a.Kind.IsConsent() && a.ToFact().Date <= asOf)
                .Select(a => a.StateCode).Distinct().Order(StringComparer.Ordinal).ToList();
            var names = list.Select(l => l.State).Distinct().ToList();
            if (dated.Count >= names.Count)
            {
                continue;
            }

            var others = names.Count(n => !dated.Contains(n));
            into.AddFinding(FileName, list.Min(l => l.Line), "", instrumentId, FindingRules.CountBelowEvidence, FindingSeverity.Warning,
                $"As of {asOf:yyyy-MM-dd} ({list.First().AsOfText}), the dated rows give {dated.Count} member state(s) as having ratified {instrument.ShortName}"
                + (dated.Count > 0 ? $" ({string.Join(", ", dated)})" : "")
                + $"; the list published in {source} names {names.Count}. The {others} others on it count as having ratified on or before {asOf:yyyy-MM-dd}, their own dates unknown.");
        }
    }

    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"signed (\d{4}-\d{2}-\d{2})")]
    private static partial Regex SignedOn();

    [GeneratedRegex(@"signed \((\d{4})\)")]
    private static partial Regex SignedInYear();
}
