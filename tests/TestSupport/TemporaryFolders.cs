using System.Diagnostics;

namespace TocMesh.TestSupport;

/// <summary>
/// The temporary folders of this test process, all in one folder of the run
/// (<c>tocmesh-tests/run-&lt;process id&gt;-&lt;id&gt;</c> under the system's temporary folder), which is deleted
/// when the process ends. Not earlier: a folder may outlive the host that made it (a restart test
/// gives it to the next host). The folders of runs whose process is gone without cleaning up (killed)
/// are deleted when the next run makes its own.
/// </summary>
public static class TemporaryFolders
{
    private static readonly Lazy<string> Run = new(StartRun);

    /// <summary>A new, empty folder whose name starts with <paramref name="name"/>.</summary>
    public static string New(string name)
    {
        var folder = Path.Combine(Run.Value, $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

    private static string StartRun()
    {
        var parent = Path.Combine(Path.GetTempPath(), "tocmesh-tests");
        System.IO.Directory.CreateDirectory(parent);
        foreach (var abandoned in System.IO.Directory.GetDirectories(parent, "run-*").Where(IsAbandoned))
        {
            TryDelete(abandoned);
        }

        var run = Path.Combine(parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(run);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(run);
        return run;
    }

    /// <summary>A run folder whose process no longer runs.</summary>
    private static bool IsAbandoned(string folder)
    {
        var parts = Path.GetFileName(folder).Split('-');
        if (parts.Length < 3 || !int.TryParse(parts[1], out var processId))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run is deleting it, or a file is still being written: the next run tries again.
        }
    }
}
