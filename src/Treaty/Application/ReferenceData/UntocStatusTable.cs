using System.Text.RegularExpressions;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Reads untoc_oas_status.csv: a signature and a consent per row, dated by their deposit; each row is
/// also evidence that the state took no other action up to the file's date (or the later date its
/// source names).
/// </summary>
internal static partial class UntocStatusTable
{
    private const string FileName = ReferenceFiles.UntocStatus;

    /// <summary>Adds the table's actions, evidence and findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, SourceDate fileDate, PublishedStatus into)
    {
        var count = 0;
        foreach (var (row, line) in ReferenceFiles.ReadCsv<UntocRow>(FileName))
        {
            count++;
            var state = row.State.Trim().ToUpperInvariant();
            void Finding(string rule, FindingSeverity severity, string description) =>
                into.AddFinding(FileName, line, state, row.Instrument, rule, severity, description);

            if (!instruments.ContainsKey(row.Instrument))
            {
                Finding("UNKNOWN_INSTRUMENT", FindingSeverity.Error, $"The row names instrument '{row.Instrument}', which instruments.csv does not list; it was not imported as an action.");
                continue;
            }

            var signature = ReferenceFiles.ParseDate(row.SignatureDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"signature_date '{d}' is not a date (yyyy-MM-dd); no signature was imported from it."));
            var consent = ReferenceFiles.ParseDate(row.ConsentDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"consent_date '{d}' is not a date (yyyy-MM-dd); no consent was imported from it."));
            if (signature is { } s)
            {
                into.AddAction(FileName, line, state, row.Instrument, "signature", ActionKind.Signature, s, null, [], row.Source, row.Note);
            }

            var kind = consent is null ? (ActionKind?)null : ParseConsentKind(row.ConsentKind);
            if (consent is { } c)
            {
                if (kind is null)
                {
                    kind = signature is null ? ActionKind.Accession : ActionKind.Ratification;
                    Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"consent_kind '{row.ConsentKind}' is not given or not known; read as {kind.Value.Describe()} because the state {(signature is null ? "did not sign" : "signed")}.");
                }

                // The UN Treaty Collection gives the date of deposit of the instrument of consent.
                into.AddAction(FileName, line, state, row.Instrument, "consent", kind.Value, null, c, [], row.Source, row.Note);
            }

            AddCompleteness(row, line, state, fileDate, signature, kind, consent, into, Finding);
            if (row.Note.Contains("lost the accession marker", StringComparison.OrdinalIgnoreCase))
            {
                Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"The source lost the accession marker; the row reads '{row.ConsentKind}' because the state did not sign.");
            }
        }

        return count;
    }

    /// <summary>
    /// The row as evidence that the state did nothing else up to the file's date, or up to the later
    /// date its source names; and a finding where the note knows of a later action the data lacks.
    /// </summary>
    private static void AddCompleteness(
        UntocRow row, int line, string state, SourceDate fileDate, DateOnly? signature, ActionKind? kind, DateOnly? consent,
        PublishedStatus into, Action<string, FindingSeverity, string> finding)
    {
        var (asOf, asOfText) = (fileDate.CompleteAsOf, fileDate.AsOfText);
        if (StatusAsAt().Match(row.Source) is { Success: true } at && ReferenceFiles.ParseDate(at.Groups[1].Value) is { } later)
        {
            (asOf, asOfText) = (later, at.Groups[1].Value);
            finding("LATER_SOURCE_DATE", FindingSeverity.Info, $"The row is taken from its source as at {later:yyyy-MM-dd}, later than the rest of the file ({fileDate.AsOfText}): the state's status is recorded up to that date.");
        }

        if (asOf is not null)
        {
            into.AddEvidence(FileName, line, state, row.Instrument, EvidenceKind.TableComplete, asOf, asOfText,
                OasCodes.Describe(signature, kind, null, consent), row.Source, row.Note);
        }

        if (row.Note.Contains("after the source was taken", StringComparison.OrdinalIgnoreCase) || row.Note.Contains("not confirmed", StringComparison.OrdinalIgnoreCase))
        {
            finding("LATER_ACTION_NOT_IN_DATA", FindingSeverity.Warning,
                $"A later action is reported but not dated in the data: {row.Note.Trim().TrimEnd('.')}. The state's status after {asOf:yyyy-MM-dd} is not recorded.");
        }
    }

    private static ActionKind? ParseConsentKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "ratification" => ActionKind.Ratification,
        "accession" => ActionKind.Accession,
        "acceptance" => ActionKind.Acceptance,
        "approval" => ActionKind.Approval,
        "succession" => ActionKind.Succession,
        _ => null,
    };

    [GeneratedRegex(@"status as at (\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex StatusAsAt();
}
