namespace TocMesh.Mesh.Tests;

/// <summary>The mesh on SQLite: runs first (see <see cref="MeshCollectionOrder"/>).</summary>
[CollectionDefinition(Name)]
public sealed class MeshCollection : ICollectionFixture<MeshFixture>
{
    public const string Name = "mesh";
}
