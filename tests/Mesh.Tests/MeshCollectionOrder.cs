using Xunit.Abstractions;

// One mesh at a time, in a fixed order: each starts a dozen processes, and two starting at once on 2
// cores (beside the other test projects) could miss their start bound.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("TocMesh.Mesh.Tests.MeshCollectionOrder", "TocMesh.Mesh.Tests")]

namespace TocMesh.Mesh.Tests;

/// <summary>
/// Runs the mesh collections in the order of <see cref="Order"/>, whatever their names hash to: the
/// mesh on SQLite first (its start also brings the orchestrator and the dashboard into the caches),
/// then the mesh on PostgreSQL, whose start bound counts on that. A collection not listed runs after
/// them, in name order.
/// </summary>
public sealed class MeshCollectionOrder : ITestCollectionOrderer
{
    private static readonly string[] Order = [MeshCollection.Name, PostgresMeshCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Order, c.DisplayName) is var i and >= 0 ? i : Order.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
