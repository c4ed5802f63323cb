using System.Text;
using System.Text.Json;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

[Collection(MeshCollection.Name)]
public sealed class DirectoryCommandTests(Mesh mesh) : IDisposable
{
    private readonly string _folder = TemporaryFolders.New("cli-export");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_search_by_state_role_and_language_lists_the_contacts_with_personal_details_only_for_a_partner()
    {
        var anonymous = await mesh.RunAsync("directory", "search", "--state", "MEX", "--role", "national-point-of-contact", "--language", "es");
        Assert.True(anonymous.ExitCode == 0, anonymous.ToString());
        Assert.Matches(@"│\s*MEX\s*│\s*national-point-of-contact\s*│\s*Ministry of Justice, Mexico", anonymous.Output);
        Assert.DoesNotContain(Contacts.Person, anonymous.Output);
        Assert.Contains("1 contact(s).", anonymous.Output);

        var partner = await mesh.RunAsync("directory", "search", "--state", "MEX", "--role", "national-point-of-contact", "--key", TestSupport.TestKeys.Partner, "--json");
        Assert.True(partner.ExitCode == 0, partner.ToString());
        using var json = JsonDocument.Parse(partner.Output);
        var contact = Assert.Single(json.RootElement.GetProperty("contacts").EnumerateArray());
        Assert.Equal(Contacts.Person, contact.GetProperty("person").GetString());
        Assert.True(contact.GetProperty("role").ValueKind == JsonValueKind.String, partner.Output);
        Assert.Equal("CONTACT_ROLE_NATIONAL_POINT_OF_CONTACT", contact.GetProperty("role").GetString());

        var portuguese = await mesh.RunAsync("directory", "search", "--language", "pt", "--json");
        using var pt = JsonDocument.Parse(portuguese.Output);
        Assert.Equal(["BRA", "BRA"], pt.RootElement.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("stateCode").GetString()));
    }

    [Fact]
    public async Task An_export_writes_the_header_and_every_contact_as_the_directory_streams_them()
    {
        var file = Path.Combine(_folder, "directory.csv");
        var run = await mesh.RunOnTerminalAsync("directory", "export", "--format", "csv", "--out", file, "--key", TestSupport.TestKeys.Partner);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = await ReadLinesAsync(file);
        Assert.Equal(1 + mesh.ContactCount, lines.Count);
        Assert.StartsWith("name,state_code,role,", lines[0]);
        Assert.Equal(await StreamedLinesAsync(Directory.V1.ExportFormat.Csv), lines);
        Assert.Contains(lines, l => l.Contains(Contacts.Person, StringComparison.Ordinal));
        Assert.Contains($"Wrote {lines.Count} rows to {file}", run.Output);
        Assert.Contains("Exporting", run.Error); // the progress bar, on the error stream
        Assert.Contains("100%", run.Error);
    }

    [Fact]
    public async Task An_interrupted_export_resumes_after_its_last_complete_row_and_ends_identical_to_a_full_one()
    {
        var full = await StreamedLinesAsync(Directory.V1.ExportFormat.JsonLines);
        var file = Path.Combine(_folder, "directory.jsonl");
        System.IO.Directory.CreateDirectory(_folder);
        // 20 complete rows, then a row cut in the middle, as a killed export leaves it.
        await File.WriteAllTextAsync(file, string.Concat(full.Take(20).Select(l => l + "\n")) + full[20][..(full[20].Length / 2)], new UTF8Encoding(false));

        var run = await mesh.RunAsync("directory", "export", "--format", "jsonl", "--out", file, "--key", TestSupport.TestKeys.Partner, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal(20, summary.RootElement.GetProperty("rowsKept").GetInt32());
        Assert.Equal(full.Count - 20, summary.RootElement.GetProperty("rowsWritten").GetInt32());
        Assert.True(summary.RootElement.GetProperty("resumed").GetBoolean());
        Assert.Equal(full, await ReadLinesAsync(file));
        Assert.Equal(string.Concat(full.Select(l => l + "\n")), await File.ReadAllTextAsync(file));

        var again = await mesh.RunAsync("directory", "export", "--format", "jsonl", "--out", file, "--key", TestSupport.TestKeys.Partner);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"was already complete: {full.Count} rows", again.Output);
    }

    [Fact]
    public async Task A_partial_file_that_no_longer_matches_the_directory_is_refused_untouched_unless_restarted()
    {
        var full = await StreamedLinesAsync(Directory.V1.ExportFormat.Csv);
        var file = Path.Combine(_folder, "stale.csv");
        System.IO.Directory.CreateDirectory(_folder);
        var stale = string.Concat(full.Take(10).Select((l, i) => (i == 5 ? l.Replace("Ministry", "Secretariat", StringComparison.Ordinal) : l) + "\n"));
        await File.WriteAllTextAsync(file, stale, new UTF8Encoding(false));

        var refused = await mesh.RunAsync("directory", "export", "--out", file, "--key", TestSupport.TestKeys.Partner);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("does not match what the Directory exports now (first difference at row 6)", refused.Error);
        Assert.Contains("--restart", refused.Error);
        Assert.Equal(stale, await File.ReadAllTextAsync(file));

        var restarted = await mesh.RunAsync("directory", "export", "--out", file, "--key", TestSupport.TestKeys.Partner, "--restart");
        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        Assert.Equal(full, await ReadLinesAsync(file));
    }

    private async Task<List<string>> StreamedLinesAsync(Directory.V1.ExportFormat format)
    {
        var client = mesh.Directory.Client<Directory.V1.DirectoryService.DirectoryServiceClient>(TestSupport.TestKeys.Partner);
        using var call = client.ExportDirectory(new Directory.V1.ExportDirectoryRequest { Format = format });
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        while (await call.ResponseStream.MoveNext(bound.Token))
        {
            lines.Add(call.ResponseStream.Current.Line);
        }

        return lines;
    }

    private static async Task<List<string>> ReadLinesAsync(string file) =>
        [.. (await File.ReadAllTextAsync(file)).Split('\n').SkipLast(1)];
}
