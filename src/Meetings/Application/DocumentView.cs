using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application;

/// <summary>A registered document with what its symbol says and which amendments of it are registered.</summary>
public sealed record DocumentView(Document Document, DocumentSymbol Symbol, bool BaseRegistered, IReadOnlyList<string> Amendments);
