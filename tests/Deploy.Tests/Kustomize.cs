using System.Collections.Concurrent;
using System.Diagnostics;

namespace TocMesh.Deploy.Tests;

/// <summary>
/// Renders a kustomization with <c>kubectl kustomize</c> (kubectl 1.27 or later; CI's image has it),
/// once per folder and test run.
/// </summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new(StringComparer.Ordinal);

    /// <summary>The rendered YAML of <paramref name="folder"/> (relative to the repository root).</summary>
    public static string Render(string folder) =>
        Rendered.GetOrAdd(folder, f => new Lazy<string>(() => Run(Repository.PathOf(f)))).Value;

    /// <summary>Every folder under deploy/ with a kustomization that renders on its own (components do not).</summary>
    public static IReadOnlyList<string> Kustomizations() =>
        [.. System.IO.Directory.EnumerateFiles(Repository.DeployFolder, "kustomization.yaml", SearchOption.AllDirectories)
            .Where(file => !File.ReadLines(file).Any(line => line.Trim() == "kind: Component"))
            .Select(file => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(file)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string Run(string folder)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "kubectl is needed to render the manifests (kubectl kustomize); install kubectl 1.27 or later and run again.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {folder} did not finish within 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {folder} failed ({process.ExitCode}): {error.Result}");
            }

            return output.Result;
        }
    }
}
