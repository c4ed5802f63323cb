namespace TocMesh;

/// <summary>
/// The resource names of the mesh: the AppHost names its resources with these, and a service finds
/// another by the same name (<c>http://treaty</c>, <c>services:treaty:http:0</c> when run alone).
/// A service's database connection string is its name followed by "db" (<c>treatydb</c>).
/// </summary>
public static class MeshResources
{
    public const string Treaty = "treaty";
    public const string Directory = "directory";
    public const string TechnicalCooperation = "techcoop";
    public const string Meetings = "meetings";

    /// <summary>The Redis connection string every service reads (the second cache level and the invalidation bus).</summary>
    public const string Cache = "cache";

    /// <summary>The four services, in the order the mesh starts them.</summary>
    public static readonly IReadOnlyList<string> Services = [Directory, Treaty, TechnicalCooperation, Meetings];
}
