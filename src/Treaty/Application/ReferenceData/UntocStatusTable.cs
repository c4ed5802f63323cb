using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>Reads untoc_oas_status.csv: a signature and a consent per row, dated by their deposit.</summary>
internal static class UntocStatusTable
{
    private const string FileName = ReferenceFiles.UntocStatus;

    /// <summary>Adds the table's actions and findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, PublishedStatus into)
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

            if (consent is { } c)
            {
                var kind = ParseConsentKind(row.ConsentKind);
                if (kind is null)
                {
                    kind = signature is null ? ActionKind.Accession : ActionKind.Ratification;
                    Finding("INFERRED_CONSENT_KIND", FindingSeverity.Info, $"consent_kind '{row.ConsentKind}' is not given or not known; read as {kind.Value.Describe()} because the state {(signature is null ? "did not sign" : "signed")}.");
                }

                // The UN Treaty Collection gives the date of deposit of the instrument of consent.
                into.AddAction(FileName, line, state, row.Instrument, "consent", kind.Value, null, c, [], row.Source, row.Note);
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

    private static ActionKind? ParseConsentKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "ratification" => ActionKind.Ratification,
        "accession" => ActionKind.Accession,
        "acceptance" => ActionKind.Acceptance,
        "approval" => ActionKind.Approval,
        "succession" => ActionKind.Succession,
        _ => null,
    };
}
