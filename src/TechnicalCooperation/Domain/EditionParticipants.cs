namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>How many took part from one state in an edition.</summary>
public sealed class EditionParticipants
{
    public long EditionId { get; set; }

    public string StateCode { get; set; } = "";

    public int Count { get; set; }
}
