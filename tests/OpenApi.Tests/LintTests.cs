using System.Diagnostics;
using TocMesh.TestSupport;

namespace TocMesh.OpenApi.Tests;

/// <summary>
/// Each live document read as a partner's tooling reads it: Redocly's recommended rules (tuned in
/// redocly.yaml at the root, each change justified there) report no error. Redocly is installed into
/// .tools/redocly by ./test.sh.
/// </summary>
public sealed class LintTests(ServiceDocuments documents) : IClassFixture<ServiceDocuments>
{
    public static string Redocly => Path.Combine(RepositoryFiles.Root, ".tools", "redocly", "node_modules", ".bin", "redocly");

    [Theory]
    [MemberData(nameof(ServiceDocuments.Names), MemberType = typeof(ServiceDocuments))]
    public async Task The_document_lints_clean_under_redocly_recommended(string service)
    {
        var folder = TemporaryFolders.New("openapi-lint");
        var file = Path.Combine(folder, $"{service}.json");
        await File.WriteAllTextAsync(file, await documents.DocumentAsync(service));

        var (exitCode, output) = await LintAsync(file);

        Assert.True(exitCode == 0, $"redocly lint found errors in {service}'s document:\n{output}");
    }

    [Fact]
    public async Task The_lint_fails_a_document_with_an_error()
    {
        // The check must still catch something: an operation without responses is an error under the rules.
        var folder = TemporaryFolders.New("openapi-lint");
        var file = Path.Combine(folder, "broken.json");
        var document = (await documents.DocumentAsync("Treaty")).Replace("\"responses\":", "\"responsez\":", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, document);

        var (exitCode, _) = await LintAsync(file);

        Assert.NotEqual(0, exitCode);
    }

    private static async Task<(int ExitCode, string Output)> LintAsync(string file)
    {
        Assert.True(File.Exists(Redocly), $"{Redocly} is missing: ./test.sh installs it (npm install --prefix .tools/redocly @redocly/cli).");
        var start = new ProcessStartInfo(Redocly)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "lint", "--config", Path.Combine(RepositoryFiles.Root, "redocly.yaml"), "--format", "stylish", file })
        {
            start.ArgumentList.Add(argument);
        }

        // Offline and quiet: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
