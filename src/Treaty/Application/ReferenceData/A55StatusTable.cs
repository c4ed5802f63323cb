using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// Reads oas_a55_status.csv: a signature, and a consent with its act and deposit dates, per row; each
/// row that is not a gap is also evidence that the state took no other action up to the table's date.
/// </summary>
internal static class A55StatusTable
{
    private const string FileName = ReferenceFiles.A55Status;

    /// <summary>What the table's last column (headed INFORMA in the source) says when it reads "Yes".</summary>
    public const string InformationSupplied =
        "Information required by the treaty supplied (e.g. the designation of the central authority), as the depositary's table notes it; not a reservation.";

    /// <summary>Adds the table's actions, evidence and findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, SourceDate tableDate, PublishedStatus into)
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

            var gap = FindGaps(row, Finding);
            var declarations = ReadInformation(row, Finding);
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

                if (act is { } a && deposit is { } d && d < a)
                {
                    Finding("DEPOSIT_BEFORE_ACT", FindingSeverity.Error, $"The deposit ({d:yyyy-MM-dd}) precedes the act of consent ({a:yyyy-MM-dd}).");
                }

                into.AddAction(FileName, line, state, instrument, "consent", kind.Value, act, deposit, declarations, row.Source, row.Note);
            }

            if (!gap && tableDate.CompleteAsOf is { } complete)
            {
                into.AddEvidence(FileName, line, state, instrument, EvidenceKind.TableComplete, complete, tableDate.AsOfText,
                    OasCodes.Describe(signature, kind, act, deposit), row.Source, row.Note);
            }
        }

        return count;
    }

    /// <summary>
    /// A state the table leaves out has an unknown status, not "no action" (true when the row is such a
    /// gap); two-digit years are read as the row gives them.
    /// </summary>
    private static bool FindGaps(OasStatusRow row, Action<string, FindingSeverity, string> finding)
    {
        var gap = false;
        if (row.Source.Trim() == "(none)" || row.Note.StartsWith("GAP", StringComparison.OrdinalIgnoreCase))
        {
            finding("DATA_GAP", FindingSeverity.Warning, $"No data for {row.StateName}: {row.Note.Replace("GAP: ", "", StringComparison.Ordinal)}. Its status is unknown, not 'no action', except where status_evidence.csv records it.");
            gap = true;
        }
        else if (row.Note.Contains("not listed", StringComparison.OrdinalIgnoreCase))
        {
            finding("DATA_GAP", FindingSeverity.Warning, $"{row.StateName} is {row.Note} of the source; its status is unknown, not 'no action', except where status_evidence.csv records it.");
            gap = true;
        }

        if (row.Note.Contains("2-digit years", StringComparison.OrdinalIgnoreCase))
        {
            finding("TWO_DIGIT_YEAR", FindingSeverity.Info, $"The source gives two-digit years ({row.Note.Replace("source uses 2-digit years ", "", StringComparison.Ordinal)}); read as {row.ConsentDate} and {row.DepositDate}.");
        }

        return gap;
    }

    /// <summary>
    /// The last column (INFORMA in the source) says whether information the treaty requires was supplied:
    /// a declaration of information, not a reservation; its text stays in the depositary's table.
    /// </summary>
    private static List<string> ReadInformation(OasStatusRow row, Action<string, FindingSeverity, string> finding)
    {
        var declarations = new List<string>();
        var flag = row.Declarations.Trim();
        if (flag.StartsWith('Y'))
        {
            declarations.Add(InformationSupplied);
            if (flag != "Yes")
            {
                finding("TRUNCATED_VALUE", FindingSeverity.Warning, $"The information column (INFORMA) reads '{flag}' (cut in the source excerpt); read as 'Yes'.");
            }
        }

        return declarations;
    }
}
