namespace TocMesh.Directory.Domain;

/// <summary>Where a <see cref="ChangeRequest"/> stands.</summary>
public enum ChangeRequestStatus
{
    Unspecified = 0,
    Open = 1,
    Resolved = 2,
}
