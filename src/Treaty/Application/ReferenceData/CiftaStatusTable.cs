using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Reads cifta_status.csv: the only per-state CIFTA rows found, each from its own source (a treaty
/// database record, a promulgation decree, a fact sheet). A row with a date is an action; a row without
/// one is a finding, and the state's status comes from status_evidence.csv where that file has it.
/// </summary>
internal static class CiftaStatusTable
{
    private const string FileName = ReferenceFiles.CiftaStatus;

    /// <summary>Adds the file's actions and findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, SourceDate fileDate, PublishedStatus into)
    {
        var count = 0;
        foreach (var (row, line) in ReferenceFiles.ReadCsv<OasStatusRow>(FileName))
        {
            count++;
            var state = row.State.Trim().ToUpperInvariant();
            var instrument = row.Instrument.Trim().ToLowerInvariant();
            void Finding(string rule, FindingSeverity severity, string description) =>
                into.AddFinding(FileName, line, state, instrument, rule, severity, description);

            if (!instruments.ContainsKey(instrument))
            {
                Finding("UNKNOWN_INSTRUMENT", FindingSeverity.Error, $"The row names instrument '{row.Instrument}', which instruments.csv does not list; it was not imported as an action.");
                continue;
            }

            var signature = ReferenceFiles.ParseDate(row.SignatureDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"signature_date '{d}' is not a date; no signature was imported from it."));
            var act = ReferenceFiles.ParseDate(row.ConsentDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"ratification_or_accession_date '{d}' is not a date."));
            var deposit = ReferenceFiles.ParseDate(row.DepositDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"deposit_date '{d}' is not a date."));
            if (signature is { } s)
            {
                into.AddAction(FileName, line, state, instrument, "signature", ActionKind.Signature, s, null, [], row.Source, row.Note);
            }

            ActionKind? kind = null;
            if (act is not null || deposit is not null)
            {
                kind = OasCodes.ConsentKind(row.Kind);
                if (kind is null)
                {
                    kind = signature is null ? ActionKind.Accession : ActionKind.Ratification;
                    Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"instrument_kind '{row.Kind}' is not RA, AC or AD; read as {kind.Value.Describe()} because the state {(signature is null ? "did not sign" : "signed")}.");
                }

                var (declarations, reservations) = ReadStatements(row.Declarations);
                // These sources name the deposit; a blank signature means the source does not give it.
                into.AddAction(FileName, line, state, instrument, "consent", kind.Value, act, deposit, declarations, row.Source, row.Note, reservations, signatureNotStated: signature is null);
            }
            else if (signature is null)
            {
                Finding("UNDATED_ROW", FindingSeverity.Warning,
                    $"The row gives no date of signature or consent, so no action was imported from it ({row.Note.Trim().TrimEnd('.')}). The state's status is recorded only where status_evidence.csv gives it.");
            }

            if (fileDate.CompleteAsOf is { } complete)
            {
                into.AddEvidence(FileName, line, state, instrument, EvidenceKind.TableComplete, complete, fileDate.AsOfText,
                    OasCodes.Describe(signature, kind, act, deposit), row.Source, row.Note);
            }
        }

        return count;
    }

    /// <summary>The last column gives the text of a reservation or declaration, when there is one.</summary>
    private static (List<string> Declarations, List<string> Reservations) ReadStatements(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return ([], []);
        }

        return t.StartsWith("Reservation", StringComparison.OrdinalIgnoreCase) ? ([], [t]) : ([t], []);
    }
}
