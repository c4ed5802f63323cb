namespace TocMesh.Deploy.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding TocMesh.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string DeployFolder => Path.Combine(Root, "deploy");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TocMesh.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"TocMesh.sln was not found above {AppContext.BaseDirectory}.");
    }
}
