using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>One state's line on one instrument, with what the data and the state say around it.</summary>
public sealed record StateInstrumentLine(string InstrumentId, Standing? Standing, string[] Caveats, Legislation[] PendingProcedures);
