namespace TocMesh.Treaty.Domain;

/// <summary>Where an action came from: the published status tables, or the Secretariat.</summary>
public enum ActionOrigin
{
    Imported = 1,
    Recorded = 2,
}
