namespace TocMesh.Treaty.Tests;

/// <summary>How long a test waits for what it expects before it calls the wait a hang.</summary>
internal static class Waits
{
    /// <summary>
    /// Only so that a hang fails the test instead of blocking the run: far beyond what any call takes
    /// on a busy machine, so it claims nothing about speed.
    /// </summary>
    public static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);
}
