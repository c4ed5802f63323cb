namespace TocMesh.Mesh.Tests;

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it when disposed.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // A process that has just been stopped may still be closing a file for a moment.
        for (var attempt = 1; System.IO.Directory.Exists(Path); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Path, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
