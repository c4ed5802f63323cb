namespace TocMesh.Treaty.Domain;

/// <summary>A treaty rule an action breaks.</summary>
public sealed record RuleBreach(string Rule, long ActionId, string StateCode, string InstrumentId, string Description);
