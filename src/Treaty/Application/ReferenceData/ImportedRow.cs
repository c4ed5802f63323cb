using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>
/// An action as a source publishes it, with the file and line it came from. <see cref="SignatureNotStated"/>
/// marks a consent whose source is silent on the signature (not a table that shows none).
/// </summary>
internal sealed record ImportedRow(string File, int Line, TreatyAction Action, bool SignatureNotStated = false);
