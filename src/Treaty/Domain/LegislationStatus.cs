namespace TocMesh.Treaty.Domain;

/// <summary>Where a piece of national legislation stood when the state reported it.</summary>
public enum LegislationStatus
{
    Enacted = 1,
    InForce = 2,
    Pending = 3,
    UnderDiscussion = 4,
}
