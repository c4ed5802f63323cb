using System.Text.Json;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

[Collection(MeshCollection.Name)]
public sealed class CooperationAndMeetingTests(Mesh mesh) : IDisposable
{
    private readonly string _folder = TemporaryFolders.New("cli-report");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_states_needs_are_listed_by_area_and_priority()
    {
        var run = await mesh.RunAsync("needs", "MEX");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Needs of MEX", run.Output);
        Assert.Matches(@"│\s*MEX\s*│\s*firearms\s*│\s*high\s*│\s*open\s*│\s*Example need in firearms", run.Output);
        Assert.Matches(@"│\s*money-laundering\s*│\s*1\s*│\s*0\s*│\s*MEX", run.Output);

        var json = await mesh.RunAsync("needs", "MEX", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(["firearms", "money-laundering"], parsed.RootElement.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("area").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Courses_are_recommended_for_the_needs_they_answer_with_the_reason()
    {
        var run = await mesh.RunAsync("courses", "recommend", "MEX");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"│\s*1\s*│\s*Firearms tracing for investigators \(courses/\d+\)\s*│\s*workshop", run.Output);
        Assert.Contains("answers 1 open need of MEX: firearms (high)", run.Output);

        var json = await mesh.RunAsync("courses", "recommend", "MEX", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(1, parsed.RootElement.GetProperty("recommendations")[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task The_meeting_report_is_written_to_a_file_with_the_ratification_figures_from_treaty()
    {
        var file = Path.Combine(_folder, "report.md");
        var run = await mesh.RunAsync("meeting", "report", "gtdot-ii", "--format", "markdown", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Wrote {file} (text/markdown", run.Output);
        var report = await File.ReadAllTextAsync(file);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention", report);
        Assert.DoesNotContain("warning:", run.Error);

        var html = await mesh.RunAsync("meeting", "report", "gtdot-ii", "--format", "html", "--json");
        using var parsed = JsonDocument.Parse(html.Output);
        Assert.Equal("text/html", parsed.RootElement.GetProperty("contentType").GetString());
        Assert.Contains("Twenty-nine", parsed.RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found()
    {
        var run = await mesh.RunAsync("meeting", "report", "gtdot-ix", "--out", Path.Combine(_folder, "none.md"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("answered NOT_FOUND", run.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "none.md")));
    }
}
