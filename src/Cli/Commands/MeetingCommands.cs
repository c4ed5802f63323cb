using System.CommandLine;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.Meetings.V1;

namespace TocMesh.Cli.Commands;

/// <summary><c>meeting report</c>: the Meetings service.</summary>
public static class MeetingCommands
{
    private static readonly Dictionary<string, ReportFormat> Formats = new()
    {
        ["markdown"] = ReportFormat.Markdown,
        ["html"] = ReportFormat.Html,
        ["text"] = ReportFormat.Text,
    };

    public static Command Create(CommandRunner runner)
    {
        var meeting = new Command("meeting", "Meetings of the group.");
        var report = new Command("report", "The report of a meeting, generated from its records, to a file (or to standard output).");
        var id = new Argument<string>("meeting") { Description = "The meeting's id, e.g. gtdot-ii." };
        var format = new Option<string>("--format") { Description = "markdown, html or text.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<string?>("--out") { Description = "The file to write, e.g. report.md; standard output when left out.", HelpName = "file" };
        report.Arguments.Add(id);
        report.Options.Add(format);
        report.Options.Add(output);
        runner.Action(report, async (session, ct) =>
        {
            var response = await session.Meetings().RenderMeetingReportAsync(
                new RenderMeetingReportRequest { MeetingId = session.Parse.GetValue(id)!, Format = Formats[session.Parse.GetValue(format)!] }, session.Call(ct));
            var path = session.Parse.GetValue(output);
            if (path is not null)
            {
                var full = Path.GetFullPath(path);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, response.Content, ct);
            }

            if (session.Json)
            {
                if (path is null)
                {
                    JsonOutput.Write(session.Terminal.Output, response);
                }
                else
                {
                    JsonOutput.WriteObject(session.Terminal.Output, new ReportWritten(
                        Path.GetFullPath(path), response.ContentType, response.Content.Length,
                        [.. response.Sections.Select(s => new Section(s.Id, s.Title, s.Available, s.UnavailableReason))], [.. response.PartialSections]));
                }
            }
            else if (path is null)
            {
                session.Terminal.Output.Write(response.Content);
            }
            else
            {
                session.Terminal.Output.WriteLine($"Wrote {path} ({response.ContentType}, {response.Content.Length} characters, {response.Sections.Count} sections).");
            }

            // An incomplete report is still written; the reader is told which sections lack data, and why.
            foreach (var section in response.Sections.Where(s => !s.Available))
            {
                await session.Terminal.Error.WriteLineAsync($"warning: section '{section.Title}' is incomplete: {section.UnavailableReason}");
            }

            return ExitCodes.Ok;
        });
        meeting.Subcommands.Add(report);
        return meeting;
    }

    public sealed record Section(string Id, string Title, bool Available, string UnavailableReason);

    public sealed record ReportWritten(string File, string ContentType, int Characters, IReadOnlyList<Section> Sections, IReadOnlyList<string> PartialSections);
}
