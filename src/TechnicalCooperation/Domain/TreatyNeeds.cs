namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>
/// Needs implied by the instruments a state is not a party to (ratification or accession, then
/// implementation), or is a party to with no implementing legislation recorded (implementation, as
/// Peru and Nicaragua urged at the second meeting). A consent whose entry into force cannot be
/// computed is not a gap, and neither is a status the records do not settle: unknown is not "no consent".
/// </summary>
public static class TreatyNeeds
{
    /// <summary>The need area each instrument's implementation falls in.</summary>
    public static string AreaOf(string instrumentId) => instrumentId switch
    {
        "untoc" => "convention-and-protocols-implementation",
        "untoc-tip" => "trafficking-in-persons",
        "untoc-som" => "smuggling-of-migrants",
        "untoc-firearms" or "cifta" => "firearms",
        "a-55" => "mutual-legal-assistance",
        _ => "treaty-implementation",
    };

    public static IReadOnlyList<SuggestedNeed> Suggest(
        string stateCode, DateOnly asOf, IEnumerable<InstrumentStanding> standings, IReadOnlyCollection<Need> needs) =>
        standings
            .Where(s => !s.StatusUnknown)
            .Where(s => s.Party ? !s.ImplementingLegislationRecorded : !ConsentAwaitingEntryIntoForce(s))
            .OrderBy(s => s.InstrumentId, StringComparer.Ordinal)
            .Select(s =>
            {
                var area = AreaOf(s.InstrumentId);
                return new SuggestedNeed(
                    s.InstrumentId,
                    area,
                    Describe(s, asOf),
                    needs.Any(n => n.IsOpen && n.StateCode == stateCode && n.Area == area),
                    s.Party,
                    s.Caveats);
            })
            .ToList();

    /// <summary>A consent (dated, or known only from evidence) whose entry into force the records cannot compute.</summary>
    private static bool ConsentAwaitingEntryIntoForce(InstrumentStanding s) =>
        s.DenouncedOn is null && (s.ConsentedBy is not null || (s.ConsentedOn is not null && s.EntryIntoForceUnknown));

    private static string Describe(InstrumentStanding s, DateOnly asOf)
    {
        if (s.Party)
        {
            return $"Implement {s.InstrumentId} in national law (a party on {asOf:yyyy-MM-dd}; no implementing legislation recorded)";
        }

        if (s.DenouncedOn is { } denounced)
        {
            return $"Consider rejoining {s.InstrumentId} (denounced {denounced:yyyy-MM-dd})";
        }

        if (s.ConsentedOn is { } consented)
        {
            return $"Complete the steps for {s.InstrumentId} to enter into force (consent deposited {consented:yyyy-MM-dd}, not a party on {asOf:yyyy-MM-dd})";
        }

        return s.SignedOn is { } signed
            ? $"Ratify {s.InstrumentId} and implement it (signed {signed:yyyy-MM-dd}, no consent by {asOf:yyyy-MM-dd})"
            : $"Accede to {s.InstrumentId} and implement it (not signed, no consent by {asOf:yyyy-MM-dd})";
    }
}
