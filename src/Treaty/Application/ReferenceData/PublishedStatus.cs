using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// The actions and the status evidence the reference files publish, read as published, and the
/// findings on them: what a source gets wrong or leaves out, every row that cannot be taken as a dated
/// action, and every treaty rule the rows break. Nothing is dropped silently.
/// </summary>
internal sealed class PublishedStatus
{
    public int RowsRead { get; private set; }

    public List<ImportedRow> Rows { get; } = [];

    public List<StatusEvidence> Evidence { get; } = [];

    public List<DataQualityFinding> Findings { get; } = [];

    /// <summary>Every status file and the evidence, checked against the treaty rules and against each other.</summary>
    public static PublishedStatus Read(IReadOnlyDictionary<string, Instrument> instruments)
    {
        var published = new PublishedStatus();
        var dates = SourceDate.ReadAll();
        SourceDate DateOf(string file) => dates.GetValueOrDefault(file) ?? SourceDate.NotComplete;
        InstrumentsTable.Read(published);
        published.RowsRead += UntocStatusTable.Read(instruments, DateOf(ReferenceFiles.UntocStatus), published);
        published.RowsRead += A55StatusTable.Read(instruments, DateOf(ReferenceFiles.A55Status), published);
        published.RowsRead += CiftaStatusTable.Read(instruments, DateOf(ReferenceFiles.CiftaStatus), published);
        published.RowsRead += StatusEvidenceTable.Read(instruments, published);
        published.FindRuleBreaches(instruments);
        return published;
    }

    /// <summary>One action of a row; <paramref name="part"/> tells the signature from the consent of the same row.</summary>
    public void AddAction(
        string file, int line, string state, string instrument, string part, ActionKind kind, DateOnly? act, DateOnly? deposit,
        List<string> declarations, string source, string note, List<string>? reservations = null, bool signatureNotStated = false) =>
        Rows.Add(new ImportedRow(file, line, new TreatyAction
        {
            StateCode = state,
            InstrumentId = instrument,
            Kind = kind,
            ActDate = act,
            DepositDate = deposit,
            Declarations = declarations,
            Reservations = reservations ?? [],
            Source = source,
            Note = note,
            Origin = ActionOrigin.Imported,
            ImportKey = $"{file}/{state}/{instrument}/{part}",
        }, signatureNotStated));

    public void AddEvidence(
        string file, int line, string state, string instrument, EvidenceKind kind, DateOnly? asOf, string asOfText, string status, string source, string note) =>
        Evidence.Add(new StatusEvidence
        {
            Key = $"{file}:{line}",
            SourceFile = file,
            Line = line,
            StateCode = state,
            InstrumentId = instrument,
            Kind = kind,
            AsOf = asOf,
            AsOfText = asOfText,
            Status = status,
            Source = source,
            Note = note,
        });

    public void AddFinding(string file, int line, string state, string instrument, string rule, FindingSeverity severity, string description) =>
        Findings.Add(new DataQualityFinding
        {
            Key = $"{file}:{line}:{rule}",
            SourceFile = file,
            Line = line,
            StateCode = state,
            InstrumentId = instrument,
            Rule = rule,
            Severity = severity,
            Description = description,
        });

    /// <summary>The first consent the rows date for a state and instrument, if any.</summary>
    public DateOnly? FirstDatedConsent(string state, string instrument) =>
        Rows.Select(r => r.Action).Where(a => a.StateCode == state && a.InstrumentId == instrument && a.Kind.IsConsent())
            .Select(a => (DateOnly?)a.ToFact().Date).Min();

    /// <summary>The treaty rules over the rows as published; each breach becomes a finding on its row.</summary>
    private void FindRuleBreaches(IReadOnlyDictionary<string, Instrument> instruments)
    {
        // Temporary ids tie a breach back to its row.
        var byId = Rows.Select((r, i) => (Row: r, Id: -(i + 1L))).ToDictionary(x => x.Id, x => x.Row);
        var facts = byId.Select(x => x.Value.Action.ToFact() with { Id = x.Key }).ToList();
        foreach (var state in facts.GroupBy(f => f.StateCode))
        {
            foreach (var breach in TreatyRules.Validate(instruments, state))
            {
                var row = byId[breach.ActionId];
                if (breach.Rule == TreatyRules.SignatureRequired && row.SignatureNotStated)
                {
                    // The source is silent on the signature; it does not show a ratification without one.
                    AddFinding(row.File, row.Line, breach.StateCode, breach.InstrumentId, "SIGNATURE_NOT_STATED", FindingSeverity.Warning,
                        $"The source does not state {breach.StateCode}'s signature of {instruments[breach.InstrumentId].ShortName}; the {row.Action.Kind.Describe()} is imported without one (a ratification follows a signature whose date is not in the data).");
                    continue;
                }

                AddFinding(row.File, row.Line, breach.StateCode, breach.InstrumentId, breach.Rule, FindingSeverity.Error,
                    $"As published: {breach.Description} The row is imported as published.");
            }
        }
    }
}
