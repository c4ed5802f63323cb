using System.Xml.Linq;

namespace TocMesh.Deploy.Tests;

/// <summary>The services' project files: where each one's version (its image tag) is kept.</summary>
public static class Projects
{
    /// <summary>The Version of the project whose ContainerServiceName is <paramref name="service"/>.</summary>
    public static string VersionOf(string service)
    {
        var projects = System.IO.Directory.EnumerateFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => XDocument.Load(path))
            .Where(project => project.Descendants("ContainerServiceName").Any(e => e.Value.Trim() == service))
            .ToList();
        var project = Assert.Single(projects);
        var version = project.Descendants("Version").Select(e => e.Value.Trim()).SingleOrDefault();
        Assert.False(string.IsNullOrEmpty(version), $"The project of {service} sets no <Version>: its image would be tagged 1.0.0 for ever.");
        return version;
    }
}
