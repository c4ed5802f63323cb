using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application;

/// <summary>A document as the registry caches it: the record and its links (the parsed symbol is rebuilt on read).</summary>
public sealed record CachedDocument(Document Document, bool BaseRegistered, List<string> Amendments)
{
    public DocumentView ToView() => new(Document, DocumentSymbol.Parse(Document.Symbol), BaseRegistered, Amendments);
}
