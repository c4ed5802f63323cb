namespace TocMesh.Cli.Tests;

/// <summary>The tests that share one <see cref="Mesh"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MeshCollection : ICollectionFixture<Mesh>
{
    public const string Name = "mesh";
}
