using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>Reads oas_a55_status.csv: a signature, and a consent with its act and deposit dates, per row.</summary>
internal static class A55StatusTable
{
    private const string FileName = ReferenceFiles.A55Status;
    private const string DeclarationsInSourceTable = "Declarations or reservations made (their text is in the depositary's status table).";

    /// <summary>Adds the table's actions and findings to <paramref name="into"/>; returns the rows read.</summary>
    public static int Read(IReadOnlyDictionary<string, Instrument> instruments, PublishedStatus into)
    {
        var count = 0;
        foreach (var (row, line) in ReferenceFiles.ReadCsv<A55Row>(FileName))
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

            FindGaps(row, Finding);
            var declarations = ReadDeclarations(row, Finding);
            var signature = ReferenceFiles.ParseDate(row.SignatureDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"signature_date '{d}' is not a date; no signature was imported from it."));
            var act = ReferenceFiles.ParseDate(row.ConsentDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"ratification_or_accession_date '{d}' is not a date."));
            var deposit = ReferenceFiles.ParseDate(row.DepositDate, d => Finding("UNREADABLE_DATE", FindingSeverity.Error, $"deposit_date '{d}' is not a date."));
            if (signature is { } s)
            {
                into.AddAction(FileName, line, state, instrument, "signature", ActionKind.Signature, s, null, [], row.Source, row.Note);
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

                into.AddAction(FileName, line, state, instrument, "consent", kind.Value, act, deposit, declarations, row.Source, row.Note);
            }
        }

        return count;
    }

    /// <summary>A state the table leaves out has an unknown status, not "no action"; two-digit years are read as the row gives them.</summary>
    private static void FindGaps(A55Row row, Action<string, FindingSeverity, string> finding)
    {
        if (row.Source.Trim() == "(none)" || row.Note.StartsWith("GAP", StringComparison.OrdinalIgnoreCase))
        {
            finding("DATA_GAP", FindingSeverity.Warning, $"No data for {row.StateName}: {row.Note.Replace("GAP: ", "", StringComparison.Ordinal)}. Its status is unknown, not 'no action'.");
        }
        else if (row.Note.Contains("not listed", StringComparison.OrdinalIgnoreCase))
        {
            finding("DATA_GAP", FindingSeverity.Warning, $"{row.StateName} is {row.Note} of the source; its status is unknown, not 'no action'.");
        }

        if (row.Note.Contains("2-digit years", StringComparison.OrdinalIgnoreCase))
        {
            finding("TWO_DIGIT_YEAR", FindingSeverity.Info, $"The source gives two-digit years ({row.Note.Replace("source uses 2-digit years ", "", StringComparison.Ordinal)}); read as {row.ConsentDate} and {row.DepositDate}.");
        }
    }

    /// <summary>The table only flags declarations or reservations; their text stays in the depositary's table.</summary>
    private static List<string> ReadDeclarations(A55Row row, Action<string, FindingSeverity, string> finding)
    {
        var declarations = new List<string>();
        var flag = row.Declarations.Trim();
        if (flag.StartsWith('Y'))
        {
            declarations.Add(DeclarationsInSourceTable);
            if (flag != "Yes")
            {
                finding("TRUNCATED_VALUE", FindingSeverity.Warning, $"declarations_or_reservations reads '{flag}' (cut in the source excerpt); read as 'Yes'.");
            }
        }

        return declarations;
    }
}
