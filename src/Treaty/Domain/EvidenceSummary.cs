namespace TocMesh.Treaty.Domain;

/// <summary>
/// What the evidence on one state and instrument settles: the earliest day by which it had consented
/// (its own date unknown), and the last day up to which its dated actions are known to be all it did.
/// </summary>
internal sealed class EvidenceSummary
{
    public EvidenceSummary(IEnumerable<StatusEvidence> evidence)
    {
        All = [.. evidence.OrderBy(e => e.AsOf ?? DateOnly.MaxValue).ThenBy(e => e.SourceFile, StringComparer.Ordinal).ThenBy(e => e.Line)];
        ConsentedBy = All.Where(e => e.Kind == EvidenceKind.ConsentedBy).Select(e => e.AsOf).Min();
        KnownThrough = All.Where(e => e.Kind is EvidenceKind.TableComplete or EvidenceKind.NotConsentedAsOf).Select(e => e.AsOf).Max();
    }

    public List<StatusEvidence> All { get; }

    public DateOnly? ConsentedBy { get; }

    public DateOnly? KnownThrough { get; }
}
