namespace TocMesh.Treaty.Domain;

/// <summary>The lookups a <see cref="TreatySnapshot"/> computes status with, built once per snapshot.</summary>
internal sealed class SnapshotIndex
{
    public SnapshotIndex(TreatySnapshot snapshot)
    {
        InstrumentsById = snapshot.Instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Parents = snapshot.Instruments.Where(i => i.ParentId is not null).Select(i => i.ParentId!).ToHashSet(StringComparer.Ordinal);
        Actions = snapshot.Actions.GroupBy(a => (a.InstrumentId, a.StateCode))
            .ToDictionary(g => g.Key, g => TreatyRules.Ordered(g).ToList());
        Caveats = snapshot.Caveats.GroupBy(c => (c.InstrumentId, c.StateCode)).ToDictionary(g => g.Key, g => g.ToList());
        Evidence = snapshot.Evidence.GroupBy(e => (e.InstrumentId, e.StateCode)).ToDictionary(g => g.Key, g => new EvidenceSummary(g));
        // The order of instruments.csv: each convention followed by its protocols.
        ReportOrder = snapshot.Instruments.OrderBy(i => i.Position).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    public Dictionary<string, Instrument> InstrumentsById { get; }

    public HashSet<string> Parents { get; }

    public Dictionary<(string, string), List<ActionFact>> Actions { get; }

    public Dictionary<(string, string), List<DataCaveat>> Caveats { get; }

    public Dictionary<(string, string), EvidenceSummary> Evidence { get; }

    public List<Instrument> ReportOrder { get; }
}
