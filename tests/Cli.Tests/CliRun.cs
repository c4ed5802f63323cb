namespace TocMesh.Cli.Tests;

/// <summary>What one run of tocmesh returned and wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
