using Xunit.Sdk;

namespace TocMesh.Mesh.Tests;

public sealed class MeshCollectionOrderTests
{
    [Fact]
    public void The_mesh_on_sqlite_runs_before_the_mesh_on_postgres_and_other_collections_after_both()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(MeshCollectionOrder).Assembly));
        var collections = new[] { "Test collection for TocMesh.Mesh.Tests.MeshCollectionOrderTests", PostgresMeshCollection.Name, MeshCollection.Name }
            .Select(name => new TestCollection(assembly, null, name));

        var ordered = new MeshCollectionOrder().OrderTestCollections(collections).Select(c => c.DisplayName);

        Assert.Equal([MeshCollection.Name, PostgresMeshCollection.Name, "Test collection for TocMesh.Mesh.Tests.MeshCollectionOrderTests"], ordered);
    }
}
