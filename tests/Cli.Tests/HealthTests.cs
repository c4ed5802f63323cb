using System.Text.Json;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

[Collection(MeshCollection.Name)]
public sealed class HealthTests(Mesh mesh)
{
    [Fact]
    public async Task Every_service_serving_exits_zero()
    {
        var run = await mesh.RunAsync("health");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var service in new[] { "treaty", "directory", "techcoop", "meetings" })
        {
            Assert.Matches($@"│\s*{service}\s*│\s*http://{service}.localhost/\s*│\s*SERVING", run.Output);
        }
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_unreachable_and_the_exit_code_is_not_zero()
    {
        using var closed = new ClosedPort();
        var run = await mesh.RunAsync("health", "--treaty", closed.Address, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var byService = json.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("UNREACHABLE", byService["treaty"]);
        Assert.Equal("SERVING", byService["directory"]);
        Assert.Equal("SERVING", byService["meetings"]);
    }

    [Fact]
    public async Task Without_options_or_environment_the_apphost_addresses_are_used()
    {
        var run = await mesh.RunAsync(new Dictionary<string, string>(), "health", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(
            ["http://localhost:5101/", "http://localhost:5102/", "http://localhost:5103/", "http://localhost:5104/"],
            json.RootElement.EnumerateArray().Select(s => s.GetProperty("address").GetString()));
    }
}
