using System.Xml.Linq;

namespace TocMesh.Deploy.Tests;

/// <summary>What every service's container image carries, from <c>src/ContainerImage.props</c>.</summary>
public sealed class ImageTests
{
    [Fact]
    public void Every_image_starts_its_service_with_the_mesh_runtime_settings()
    {
        // The image's environment is MSBuild, the AppHost's is C#: the two must name the same settings.
        var image = XDocument.Load(Repository.PathOf("src/ContainerImage.props"))
            .Descendants("ContainerEnvironmentVariable")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Value")!);
        Assert.NotEmpty(TocMesh.MeshResources.RuntimeEnvironment);
        foreach (var (name, value) in TocMesh.MeshResources.RuntimeEnvironment)
        {
            Assert.True(image.TryGetValue(name, out var actual), $"the image does not set {name}");
            Assert.Equal(value, actual);
        }
    }
}
