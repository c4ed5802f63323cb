namespace TocMesh.Mesh.Tests;

/// <summary>The mesh on PostgreSQL: runs after the mesh on SQLite (see <see cref="MeshCollectionOrder"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresMeshCollection : ICollectionFixture<PostgresMeshFixture>
{
    public const string Name = "mesh on postgres";
}
