namespace TocMesh.Treaty.Domain;

/// <summary>A known gap or doubt in the published data for one state (none: the whole instrument) and instrument.</summary>
public sealed record DataCaveat(string StateCode, string InstrumentId, string Rule, string Text);
