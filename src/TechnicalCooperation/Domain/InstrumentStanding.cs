namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Where a state stood on one instrument on a date, as the Treaty service reports it.</summary>
public sealed record InstrumentStanding(
    string InstrumentId, DateOnly? SignedOn, DateOnly? ConsentedOn, bool Party, DateOnly? DenouncedOn,
    bool EntryIntoForceUnknown, bool ImplementingLegislationRecorded, IReadOnlyList<string> Caveats);
