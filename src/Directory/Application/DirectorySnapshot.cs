using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Application;

/// <summary>A state's (or every state's) contacts as they stood on a date, and the change-log position of the answer.</summary>
public sealed record DirectorySnapshot(DateOnly AsOf, DateOnly RecordedAsOf, List<Contact> Contacts, long Sequence);
