namespace TocMesh.Treaty.Domain;

/// <summary>What a revision did to an action.</summary>
public enum RevisionChange
{
    Imported = 1,
    Reimported = 2,
    Recorded = 3,
    Corrected = 4,
    Withdrawn = 5,
}
