using TocMesh.Directory.V1;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.Cli.Tests;

/// <summary>Invented contacts and needs on example.org: no real person's data is used in tests.</summary>
public static class Contacts
{
    public const string Person = "Alex Example-Fixture";

    public static Contact Example(string state, ContactRole role, string institution) => new()
    {
        StateCode = state,
        Role = role,
        Institution = institution,
        Office = "Office of Example Affairs",
        Person = Person,
        Title = "Fixture Director of Examples",
        Emails = { $"contact.{state.ToLowerInvariant()}@example.org" },
        Phones = { "+12025550143" },
        PostalAddress = "1 Example Street, Example City",
        Languages = { state is "BRA" ? "pt" : state is "USA" or "CAN" ? "en" : "es", state is "USA" or "CAN" ? "fr" : "en" },
        Channels = { ContactChannel.Email },
        ValidFrom = new Google.Type.Date { Year = 2009, Month = 1, Day = 1 },
        SourceDocument = "GT/DOT-II/doc.9/09",
    };

    public static Need Need(string state, string area, NeedPriority priority) => new()
    {
        StateCode = state,
        Area = area,
        Description = $"Example need in {area}",
        Priority = priority,
        IdentifiedOn = new Google.Type.Date { Year = 2010, Month = 3, Day = 1 },
    };
}
