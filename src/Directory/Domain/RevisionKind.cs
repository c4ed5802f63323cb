namespace TocMesh.Directory.Domain;

/// <summary>What a revision did.</summary>
public enum RevisionKind
{
    Unspecified = 0,
    Created = 1,
    Updated = 2,
    Retired = 3,
}
