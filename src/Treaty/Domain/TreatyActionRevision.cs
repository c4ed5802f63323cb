namespace TocMesh.Treaty.Domain;

/// <summary>One change of an action: who, when, why, what.</summary>
public sealed class TreatyActionRevision
{
    public long Id { get; set; }

    public long TreatyActionId { get; set; }

    public RevisionChange Change { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Summary { get; set; } = "";
}
