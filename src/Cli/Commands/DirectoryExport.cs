using System.CommandLine;
using Grpc.Core;
using Spectre.Console;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.Directory.V1;

namespace TocMesh.Cli.Commands;

/// <summary><c>directory export</c>: the directory in bulk to a CSV or JSON-lines file, with a progress bar, resumable.</summary>
public static class DirectoryExport
{
    private static readonly Dictionary<string, ExportFormat> Formats = new()
    {
        ["csv"] = ExportFormat.Csv,
        ["jsonl"] = ExportFormat.JsonLines,
    };

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("export",
            "Exports the directory to a file, one contact per row. If the file holds part of an earlier export, it is resumed after its last complete row. " +
            "Person, e-mail and phone only with a partner key.");
        var format = new Option<string>("--format") { Description = "csv (with a header row) or jsonl (one JSON object per line).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<string>("--out") { Description = "The file to write, e.g. directory.csv.", Required = true, HelpName = "file" };
        var state = new Option<string?>("--state") { Description = "Only this state's contacts (ISO 3166-1 alpha-3).", HelpName = "code" };
        var retired = new Option<bool>("--include-retired") { Description = "Retired contacts too." };
        var restart = new Option<bool>("--restart") { Description = "Export from the start, replacing the file, instead of resuming it." };
        foreach (var option in new Option[] { format, output, state, retired, restart })
        {
            command.Options.Add(option);
        }

        runner.Action(command, async (session, ct) =>
        {
            var request = new ExportDirectoryRequest
            {
                Format = Formats[session.Parse.GetValue(format)!],
                StateCode = session.Parse.GetValue(state) ?? "",
                IncludeRetired = session.Parse.GetValue(retired),
            };
            var path = session.Parse.GetValue(output)!;
            using var file = ResumableExportFile.Open(path, session.Parse.GetValue(restart));
            var client = session.Directory();

            if (session.Json)
            {
                await CopyAsync(client, request, file, progress: null, ct);
            }
            else
            {
                var expected = await ExpectedRowsAsync(client, request, session, ct);
                await session.Terminal.ErrorConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(file.Resumed ? "Resuming export" : "Exporting", maxValue: Math.Max(expected, 1));
                        await CopyAsync(client, request, file, task, ct);
                        task.Value = task.MaxValue;
                    });
            }

            await file.CompleteAsync();
            var summary = new ExportSummary(Path.GetFullPath(path), session.Parse.GetValue(format)!, file.RowsKept, file.RowsWritten, file.RowsKept + file.RowsWritten, file.Resumed);
            if (session.Json)
            {
                JsonOutput.WriteObject(session.Terminal.Output, summary);
            }
            else
            {
                session.Terminal.Output.WriteLine(file.RowsWritten == 0 && file.Resumed
                    ? $"{path} was already complete: {summary.Rows} rows."
                    : $"Wrote {file.RowsWritten} rows to {path}{(file.RowsKept > 0 ? $" after the {file.RowsKept} already there" : "")}: {summary.Rows} rows in all.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task CopyAsync(DirectoryService.DirectoryServiceClient client, ExportDirectoryRequest request, ResumableExportFile file, ProgressTask? progress, CancellationToken ct)
    {
        // No deadline: a large export may stream for long; Ctrl+C cancels it, and a later run resumes.
        using var call = client.ExportDirectory(request, new CallOptions(cancellationToken: ct));
        await foreach (var row in call.ResponseStream.ReadAllAsync(ct))
        {
            await file.AcceptAsync(row.Line, ct);
            if (progress is not null)
            {
                progress.MaxValue = Math.Max(progress.MaxValue, row.LineNumber);
                progress.Value = row.LineNumber;
            }
        }
    }

    /// <summary>The rows the export will have, for the progress bar: the contacts listed with the same filters, plus the CSV header.</summary>
    private static async Task<long> ExpectedRowsAsync(DirectoryService.DirectoryServiceClient client, ExportDirectoryRequest export, Session session, CancellationToken ct)
    {
        var request = new ListContactsRequest { StateCode = export.StateCode, IncludeRetired = export.IncludeRetired, PageSize = 100 };
        long rows = export.Format == ExportFormat.Csv ? 1 : 0;
        do
        {
            var page = await client.ListContactsAsync(request, session.Call(ct));
            rows += page.Contacts.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return rows;
    }

    public sealed record ExportSummary(string File, string Format, int RowsKept, int RowsWritten, int Rows, bool Resumed);
}
