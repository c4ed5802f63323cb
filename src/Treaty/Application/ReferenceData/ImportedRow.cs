using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>An action as a status table publishes it, with the file and line it came from.</summary>
internal sealed record ImportedRow(string File, int Line, TreatyAction Action);
