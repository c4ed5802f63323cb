using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// The actions the status tables publish, read as published, and the findings on them: what a table
/// gets wrong or leaves out, and every treaty rule its rows break. Nothing is dropped silently.
/// </summary>
internal sealed class PublishedStatus
{
    public int RowsRead { get; private set; }

    public List<ImportedRow> Rows { get; } = [];

    public List<DataQualityFinding> Findings { get; } = [];

    /// <summary>Both status tables, checked against the treaty rules.</summary>
    public static PublishedStatus Read(IReadOnlyDictionary<string, Instrument> instruments)
    {
        var published = new PublishedStatus();
        published.RowsRead += UntocStatusTable.Read(instruments, published);
        published.RowsRead += A55StatusTable.Read(instruments, published);
        published.FindRuleBreaches(instruments);
        return published;
    }

    /// <summary>One action of a row; <paramref name="part"/> tells the signature from the consent of the same row.</summary>
    public void AddAction(
        string file, int line, string state, string instrument, string part, ActionKind kind, DateOnly? act, DateOnly? deposit,
        List<string> declarations, string source, string note) =>
        Rows.Add(new ImportedRow(file, line, new TreatyAction
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
        }));

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
                AddFinding(row.File, row.Line, breach.StateCode, breach.InstrumentId, breach.Rule, FindingSeverity.Error,
                    $"As published: {breach.Description} The row is imported as published.");
            }
        }
    }
}
