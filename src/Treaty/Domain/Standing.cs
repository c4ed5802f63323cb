namespace TocMesh.Treaty.Domain;

/// <summary>
/// Where one state stood on one instrument at the end of a day. <see cref="ConsentedBy"/> is set when
/// the state counts as having consented on published evidence alone (on or before that day, its own
/// date unknown); <see cref="Consent"/> is then null.
/// </summary>
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
    string[] Declarations,
    DateOnly? ConsentedBy = null)
{
    public bool Consented => Consent is not null || ConsentedBy is not null;
}
