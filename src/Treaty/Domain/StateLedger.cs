namespace TocMesh.Treaty.Domain;

/// <summary>
/// One row per state, whose version every write of that state's actions bumps: two replicas writing the
/// same state at once cannot both pass the rules on a history the other is changing.
/// </summary>
public sealed class StateLedger
{
    public required string StateCode { get; set; }

    public Guid Version { get; set; }
}
