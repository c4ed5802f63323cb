using System.CommandLine;
using Grpc.Core;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Hosting;

/// <summary>Runs a command's body in a session and turns every failure into a readable message and an exit code.</summary>
public sealed class CommandRunner(CliContext context, GlobalOptions options)
{
    public CliContext Context { get; } = context;

    public Command Action(Command command, Func<Session, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new Session(Context, options, parse);
            var error = Context.Terminal.Error;
            try
            {
                return await body(session, cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("cancelled");
                return ExitCodes.Cancelled;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("cancelled");
                return ExitCodes.Cancelled;
            }
            catch (RpcException e)
            {
                ErrorReport.Write(error, e, session.Calling);
                return ExitCodes.ServiceError;
            }
            catch (CliException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (Exception e)
            {
                // Never a stack trace: the kind and the message are what a reader can act on.
                await error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}");
                return ExitCodes.ServiceError;
            }
        });
        return command;
    }
}
