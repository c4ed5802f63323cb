using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>
/// One state's line on one instrument: its standing, whether its status on the date is recorded at
/// all, and what the data, the sources and the state say around it.
/// </summary>
public sealed record StateInstrumentLine(
    string InstrumentId, Standing? Standing, bool StatusUnknown, string[] Caveats, StatusEvidence[] Evidence, Legislation[] PendingProcedures);
