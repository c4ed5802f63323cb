namespace TocMesh.OpenApi.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to TocMesh.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the client of <paramref name="service"/> and the document it was generated from are kept.</summary>
    public static string GeneratedFolder(string service) => Path.Combine(Root, "tests", "OpenApi.Tests", "Generated", service);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TocMesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TocMesh.sln above {AppContext.BaseDirectory}.");
    }
}
