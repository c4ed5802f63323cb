using System.CommandLine;
using TocMesh.Cli.Commands;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli;

/// <summary>Exit codes: what a script can tell apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A service refused or failed the call, or (health) a service is not serving.</summary>
    public const int ServiceError = 1;

    /// <summary>The command line or a local file was wrong; nothing was sent, or nothing written.</summary>
    public const int UsageError = 2;

    public const int Cancelled = 130;
}

/// <summary><c>tocmesh</c>: the command-line client of the TocMesh services.</summary>
public static class TocMeshCli
{
    public static RootCommand Build(CliContext context)
    {
        var options = new GlobalOptions();
        var commands = new CommandRunner(context, options);
        var root = new RootCommand("tocmesh: the command-line client of the TocMesh services (Treaty, Directory, TechnicalCooperation, Meetings).");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(TreatyCommands.Status(commands));
        root.Subcommands.Add(TreatyCommands.Report(commands));
        root.Subcommands.Add(TreatyCommands.Import(commands));
        root.Subcommands.Add(DirectoryCommands.Create(commands));
        root.Subcommands.Add(TechCoopCommands.Needs(commands));
        root.Subcommands.Add(TechCoopCommands.Courses(commands));
        root.Subcommands.Add(MeetingCommands.Create(commands));
        root.Subcommands.Add(KeyCommands.Create(commands));
        root.Subcommands.Add(HealthCommand.Create(commands));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Terminal.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Terminal.Error.WriteLineAsync("Run 'tocmesh --help' (or '<command> --help') to see the commands and their options.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = context.Terminal.Output,
            Error = context.Terminal.Error,
            EnableDefaultExceptionHandler = false,
        }, cancellationToken);
    }
}
