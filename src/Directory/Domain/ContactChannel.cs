namespace TocMesh.Directory.Domain;

/// <summary>A channel through which a contact accepts requests.</summary>
public enum ContactChannel
{
    Unspecified = 0,
    Email = 1,
    Diplomatic = 2,
    Interpol = 3,
}
