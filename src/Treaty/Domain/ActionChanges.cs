namespace TocMesh.Treaty.Domain;

/// <summary>A correction of an action: the fields named in <see cref="Paths"/> take the values given.</summary>
public sealed class ActionChanges
{
    public static readonly IReadOnlySet<string> Correctable = new HashSet<string>(StringComparer.Ordinal)
    {
        "kind", "act_date", "deposit_date", "declarations", "reservations", "source", "note",
    };

    public required IReadOnlySet<string> Paths { get; init; }

    public ActionKind? Kind { get; init; }

    public DateOnly? ActDate { get; init; }

    public DateOnly? DepositDate { get; init; }

    public List<string> Declarations { get; init; } = [];

    public List<string> Reservations { get; init; } = [];

    public string Source { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>A copy of <paramref name="action"/> with the changes applied.</summary>
    public TreatyAction ApplyTo(TreatyAction action) => new()
    {
        Id = action.Id,
        StateCode = action.StateCode,
        InstrumentId = action.InstrumentId,
        Kind = Paths.Contains("kind") && Kind is { } kind ? kind : action.Kind,
        ActDate = Paths.Contains("act_date") ? ActDate : action.ActDate,
        DepositDate = Paths.Contains("deposit_date") ? DepositDate : action.DepositDate,
        Declarations = Paths.Contains("declarations") ? [.. Declarations] : action.Declarations,
        Reservations = Paths.Contains("reservations") ? [.. Reservations] : action.Reservations,
        Source = Paths.Contains("source") ? Source : action.Source,
        Note = Paths.Contains("note") ? Note : action.Note,
    };

    /// <summary>"deposit_date: 2003-03-04 -> 2003-03-05; note: ..." for the history.</summary>
    public static string Describe(TreatyAction before, TreatyAction after)
    {
        var parts = new List<string>();
        void Compare(string field, string a, string b)
        {
            if (a != b)
            {
                parts.Add($"{field}: {(a == "" ? "(none)" : a)} -> {(b == "" ? "(none)" : b)}");
            }
        }

        Compare("kind", before.Kind.Describe(), after.Kind.Describe());
        Compare("act_date", before.ActDate?.ToString("yyyy-MM-dd") ?? "", after.ActDate?.ToString("yyyy-MM-dd") ?? "");
        Compare("deposit_date", before.DepositDate?.ToString("yyyy-MM-dd") ?? "", after.DepositDate?.ToString("yyyy-MM-dd") ?? "");
        Compare("declarations", string.Join(" | ", before.Declarations), string.Join(" | ", after.Declarations));
        Compare("reservations", string.Join(" | ", before.Reservations), string.Join(" | ", after.Reservations));
        Compare("source", before.Source, after.Source);
        Compare("note", before.Note, after.Note);
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }
}
