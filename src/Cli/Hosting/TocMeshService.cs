namespace TocMesh.Cli.Hosting;

/// <summary>One service of the mesh as the CLI finds it: its option, its environment variable, its AppHost port.</summary>
public sealed record TocMeshService(string Name, string EnvironmentVariable, Uri DefaultAddress)
{
    public static readonly TocMeshService Treaty = new("treaty", "TOCMESH_TREATY_URL", new Uri("http://localhost:5101"));
    public static readonly TocMeshService Directory = new("directory", "TOCMESH_DIRECTORY_URL", new Uri("http://localhost:5102"));
    public static readonly TocMeshService TechCoop = new("techcoop", "TOCMESH_TECHCOOP_URL", new Uri("http://localhost:5103"));
    public static readonly TocMeshService Meetings = new("meetings", "TOCMESH_MEETINGS_URL", new Uri("http://localhost:5104"));

    public static IReadOnlyList<TocMeshService> All { get; } = [Treaty, Directory, TechCoop, Meetings];

    public string OptionName => "--" + Name;
}
