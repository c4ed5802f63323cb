using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The meeting's documents as its report lists them: the documents of the meeting's own series first,
/// by number (doc.2 before doc.10), then other series and committee documents, then resolutions; an
/// amendment after the document it amends.
/// </summary>
internal static class DocumentIndex
{
    public static IReadOnlyList<DocumentView> Ordered(IEnumerable<DocumentView> documents)
    {
        var list = documents.ToList();
        var own = list.Where(d => d.Symbol.Kind == SymbolKind.SeriesDocument)
            .GroupBy(d => (d.Symbol.Organ, d.Symbol.Body)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return list
            .OrderBy(d => d.Symbol.Kind == SymbolKind.SeriesDocument && (d.Symbol.Organ, d.Symbol.Body) == own ? 0 : (int)d.Symbol.Kind)
            .ThenBy(d => d.Symbol.Organ, StringComparer.Ordinal)
            .ThenBy(d => d.Symbol.Body, StringComparer.Ordinal)
            .ThenBy(d => d.Symbol.Number)
            .ThenBy(d => d.Symbol.Year)
            .ThenBy(d => d.Symbol.Revision)
            .ThenBy(d => d.Symbol.Addendum)
            .ThenBy(d => d.Symbol.Corrigendum)
            .ToList();
    }

    public static ReportSection Section(IEnumerable<DocumentView> documents) =>
        new("documents", "Documents", [new BulletList(Ordered(documents).Select(d => $"{d.Symbol.Normalized} — {d.Document.Title}").ToList())]);
}
