using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// One directory of 35 states with three contacts each, exported in small database pages. Each
/// contact has a long postal address, so the whole export (about 100 KB) is more than the transport
/// holds for a reader that does not read: the server can only finish by being read.
/// </summary>
public sealed class ExportFixture : IAsyncLifetime
{
    public static readonly string PostalAddress = string.Join(", ", Enumerable.Repeat("Floor of examples", 50));

    public DirectoryHost Host { get; } = new DirectoryHost().WithDirectorySetting("ExportPageSize", "8");

    public List<string> Names { get; } = [];

    public async Task InitializeAsync()
    {
        var secretariat = Host.Directory(TestKeys.Secretariat);
        var states = await secretariat.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 });
        foreach (var state in states.MemberStates)
        {
            foreach (var role in new[] { ContactRole.NationalPointOfContact, ContactRole.MlaCentralAuthority, ContactRole.Courses })
            {
                var contact = PointOfContact(state.Code, role, institution: $"Ministry, {state.NameEn}");
                contact.PostalAddress = PostalAddress;
                Names.Add((await secretariat.CreateAsync(contact)).Name);
            }
        }
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Fact]
    public async Task The_whole_directory_streams_as_csv_one_row_per_message_to_a_slow_reader()
    {
        using var call = fixture.Host.Directory(TestKeys.Partner).ExportDirectory(new ExportDirectoryRequest { Format = ExportFormat.Csv });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<ExportDirectoryResponse>();
        while (await call.ResponseStream.MoveNext(cts.Token))
        {
            lines.Add(call.ResponseStream.Current);
            if (lines.Count % 40 == 0)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        Assert.Equal(1 + 105, lines.Count);
        Assert.Equal(Enumerable.Range(1, 106).Select(i => (long)i), lines.Select(l => l.LineNumber));
        Assert.StartsWith("name,state_code,role,instrument_id,institution,office,person,title,emails,phones", lines[0].Line);

        var rows = lines.Skip(1).Select(l => ParseCsv(l.Line)).ToList();
        Assert.All(rows, r => Assert.Equal(21, r.Length));
        Assert.Equal(fixture.Names.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(rows.Select(r => r[1]).Order(StringComparer.Ordinal), rows.Select(r => r[1]));
        var first = rows[0];
        Assert.Equal(("ARG", "Ministry, Argentina", Person, Email, "es;en", "email;diplomatic"), (first[1], first[4], first[6], first[8], first[11], first[12]));
    }

    [Fact]
    public async Task Json_lines_for_anonymous_readers_carry_no_personal_data()
    {
        var lines = await fixture.Host.Directory().ExportDirectory(new ExportDirectoryRequest { Format = ExportFormat.JsonLines, StateCode = "MEX" }).ReadAllAsync();

        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line.Line);
            Assert.Equal("MEX", json.RootElement.GetProperty("state_code").GetString());
            Assert.Equal("", json.RootElement.GetProperty("person").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("emails").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("phones").GetArrayLength());
            Assert.Equal(["es", "en"], json.RootElement.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));
            Assert.DoesNotContain(Email, line.Line);
        }
    }

    [Fact]
    public async Task A_reader_that_stops_early_ends_the_export_on_the_server()
    {
        using var metrics = new MetricRecorder(fixture.Host.Services, "tocmesh.rpc.calls");
        using var cts = new CancellationTokenSource();
        using var call = fixture.Host.Directory(TestKeys.Partner).ExportDirectory(new ExportDirectoryRequest(), cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await cts.CancelAsync();

        // The server's call ends (it is counted when its handler returns), and not by writing the
        // export to its end (that would count as OK): the handler saw the reader go and stopped.
        var ended = await CallsEndedAsync(metrics, "/tocmesh.directory.v1.DirectoryService/ExportDirectory");
        var status = Assert.Single(ended).Tag("status");
        Assert.Contains(status, new[] { nameof(StatusCode.Cancelled), nameof(StatusCode.DeadlineExceeded) });
    }

    /// <summary>The server calls of <paramref name="method"/> counted so far, once there is one (a hang fails after 30 s).</summary>
    private static async Task<IReadOnlyList<Measured>> CallsEndedAsync(MetricRecorder metrics, string method)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var ended = metrics.Of("tocmesh.rpc.calls").Where(m => m.Tag("method") == method).ToList();
            if (ended.Count > 0)
            {
                return ended;
            }

            await Task.Delay(20, bound.Token);
        }
    }

    private static string[] ParseCsv(string line)
    {
        using var reader = new StringReader(line);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        return csv.Record!;
    }
}
