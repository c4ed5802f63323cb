namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A Directory contact as a course's point of contact shows it (no personal details).</summary>
public sealed record ContactDetails(string Name, string StateCode, string Institution, string Office, IReadOnlyList<string> Languages);

public enum ContactLookupOutcome
{
    Found,
    NotFound,

    /// <summary>The Directory could not be reached: a read shows the contact's name only; a write cannot check it.</summary>
    Unavailable,
}

public sealed record ContactLookup(string Name, ContactLookupOutcome Outcome, ContactDetails? Details);

/// <summary>Points of contact, as the Directory service knows them.</summary>
public interface IContactDirectory
{
    Task<ContactLookup> LookupAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Where a state stood on one instrument on a date, as the Treaty service reports it.</summary>
public sealed record InstrumentStanding(string InstrumentId, DateOnly? SignedOn, DateOnly? ConsentedOn, bool Party, DateOnly? DenouncedOn);

/// <summary>The Treaty service's record of a state's ratifications.</summary>
public interface ITreatyStatusSource
{
    /// <summary>Throws <c>DependencyUnavailableException</c> when the Treaty service cannot be reached.</summary>
    Task<IReadOnlyList<InstrumentStanding>> GetStateStatusAsync(string stateCode, DateOnly asOf, CancellationToken cancellationToken);
}

public sealed record SuggestedNeed(string InstrumentId, string Area, string Description, bool AlreadyRecorded);

/// <summary>Needs implied by the instruments a state is not a party to.</summary>
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
            .Where(s => !s.Party)
            .OrderBy(s => s.InstrumentId, StringComparer.Ordinal)
            .Select(s =>
            {
                var area = AreaOf(s.InstrumentId);
                return new SuggestedNeed(
                    s.InstrumentId,
                    area,
                    Describe(s, asOf),
                    needs.Any(n => n.IsOpen && n.StateCode == stateCode && n.Area == area));
            })
            .ToList();

    private static string Describe(InstrumentStanding s, DateOnly asOf)
    {
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
