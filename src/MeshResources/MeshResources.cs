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

    /// <summary>
    /// What every launcher of a service puts in its environment (the AppHost, the benchmark, and the
    /// container image via <c>src/ContainerImage.props</c>, which a deploy test holds to this): the
    /// garbage collector's budget for its youngest generation, 4 MiB instead of one sized from the
    /// CPU's cache (about 16 MiB on a 32 MiB L3). The services keep about 10 MB alive, so the default
    /// budget was most of their heap: 8-10 MB less resident memory per service under load, with
    /// throughput within the run-to-run noise
    /// (docs/performance.md). The runtime reads this setting from the environment only (the
    /// runtimeconfig.json property has no effect), hence here and not in the project files.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RuntimeEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_GCgen0size"] = "0x400000",
    };

    /// <summary>The four services, in the order the mesh starts them.</summary>
    public static readonly IReadOnlyList<string> Services = [Directory, Treaty, TechnicalCooperation, Meetings];
}
