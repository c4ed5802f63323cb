namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>
/// Where a state stood on one instrument on a date, as the Treaty service reports it.
/// <see cref="StatusUnknown"/>: no record settles the state's status on that date (neither a consent
/// nor its absence is known). <see cref="ConsentedBy"/>: a consent known only from published evidence,
/// made on or before that day.
/// </summary>
public sealed record InstrumentStanding(
    string InstrumentId, DateOnly? SignedOn, DateOnly? ConsentedOn, bool Party, DateOnly? DenouncedOn,
    bool EntryIntoForceUnknown, bool ImplementingLegislationRecorded, IReadOnlyList<string> Caveats,
    bool StatusUnknown = false, DateOnly? ConsentedBy = null);
