namespace TocMesh.Treaty.Domain;

/// <summary>Where one state stood on one instrument at the end of a day.</summary>
public sealed record Standing(
    string StateCode,
    string InstrumentId,
    DateOnly? SignedOn,
    ActionFact? Consent,
    DateOnly? EntersIntoForceOn,
    bool EntryIntoForceUnknown,
    bool Party,
    DateOnly? DenouncedOn,
    string[] Reservations,
    string[] Declarations)
{
    public bool Consented => Consent is not null;
}
