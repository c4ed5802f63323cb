namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A need implied by a state's treaty status, and whether an open need of its area is already recorded.</summary>
public sealed record SuggestedNeed(string InstrumentId, string Area, string Description, bool AlreadyRecorded, bool Party, IReadOnlyList<string> Caveats);
