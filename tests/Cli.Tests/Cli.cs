using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Tests;

/// <summary>Runs tocmesh in-process, as a shell would, and keeps what it wrote.</summary>
public static class Cli
{
    /// <summary>Runs tocmesh in-process with the given channels and environment, capturing what it writes.</summary>
    public static Task<CliRun> RunAsync(IChannelFactory channels, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(channels, environment, progressOnTerminal: false, args);

    /// <summary>
    /// With <paramref name="progressOnTerminal"/>, the error stream is an interactive ANSI terminal,
    /// where progress bars are drawn (a plain, redirected one gets none).
    /// </summary>
    public static async Task<CliRun> RunAsync(IChannelFactory channels, IReadOnlyDictionary<string, string> environment, bool progressOnTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = Terminal.Plain(output, error, width: 240);
        if (progressOnTerminal)
        {
            var errorConsole = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(error),
                Ansi = Spectre.Console.AnsiSupport.Yes,
                ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
                Interactive = Spectre.Console.InteractionSupport.Yes,
            });
            errorConsole.Profile.Width = 120;
            terminal = new Terminal(output, error, terminal.Console, errorConsole);
        }

        var context = new CliContext(terminal, channels, name => environment.GetValueOrDefault(name))
        {
            CallTimeout = TimeSpan.FromSeconds(20),
        };
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var exitCode = await TocMeshCli.RunAsync(args, context, bound.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) =>
        RunAsync(new GrpcChannelFactory(), new Dictionary<string, string>(), args);
}
