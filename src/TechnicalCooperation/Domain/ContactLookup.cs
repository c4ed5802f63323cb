namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>What the Directory answered for one point of contact: its details when found.</summary>
public sealed record ContactLookup(string Name, ContactLookupOutcome Outcome, ContactDetails? Details);
