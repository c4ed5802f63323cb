using System.Text.Json;

namespace TocMesh.Cli.Tests;

[Collection(MeshCollection.Name)]
public sealed class TreatyCommandTests(Mesh mesh)
{
    [Fact]
    public async Task The_ratification_report_as_of_the_second_meeting_prints_the_figures_and_sentences_the_meeting_heard()
    {
        var run = await mesh.RunAsync("report", "ratification", "--as-of", "2009-10-07",
            "--instrument", "untoc", "--instrument", "untoc-tip", "--instrument", "untoc-som", "--instrument", "untoc-firearms");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("as of 2009-10-07: 34 member states in scope (left out: CUB: not participating)", run.Output);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", run.Output);
        Assert.Matches(@"\(untoc\)\s*│\s*29\s*│", run.Output);
        Assert.Matches(@"\(untoc-firearms\)\s*│\s*19\s*│", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Every_member_state_in_scope_gives_thirty()
    {
        var run = await mesh.RunAsync("report", "ratification", "--as-of", "2009-10-07", "--scope", "all", "--instrument", "untoc");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Thirty OAS member states had ratified or acceded to the Convention.", run.Output);
    }

    [Fact]
    public async Task The_report_as_json_parses_and_carries_the_counts_and_sentences()
    {
        var run = await mesh.RunAsync("report", "ratification", "--as-of", "2009-10-07", "--instrument", "untoc", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var tally = json.RootElement.GetProperty("tallies")[0];
        Assert.Equal(29, tally.GetProperty("consentedCount").GetInt32());
        Assert.Equal("Twenty-nine OAS member states had ratified or acceded to the Convention.", tally.GetProperty("sentence").GetString());
        Assert.Equal(34, json.RootElement.GetProperty("statesInScope").GetInt32());
        Assert.DoesNotContain("│", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public async Task A_state_status_shows_each_instrument_with_its_dates_and_what_the_state_said()
    {
        var run = await mesh.RunAsync("status", "state", "ecu", "--as-of", "2009-10-07");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ECU as of 2009-10-07", run.Output);
        Assert.Matches(@"\(untoc\)\s*│[^\n]*│\s*ratification\s*│\s*2002-09-17\s*│\s*2003-09-29\s*│\s*yes", run.Output);
        Assert.Matches(@"\(untoc-firearms\)\s*│\s*2001-10-12\s*│\s*│\s*│\s*│\s*no", run.Output);
        Assert.Contains("had ratified two of its three protocols", run.Output);
    }

    [Fact]
    public async Task A_state_status_as_json_parses()
    {
        var run = await mesh.RunAsync("status", "state", "MEX", "--as-of", "2009-10-07", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("MEX", json.RootElement.GetProperty("stateCode").GetString());
        var untoc = json.RootElement.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("instrumentId").GetString() == "untoc");
        Assert.True(untoc.GetProperty("party").GetBoolean());
    }

    [Fact]
    public async Task An_instrument_status_counts_signatories_consents_and_parties()
    {
        var run = await mesh.RunAsync("status", "instrument", "untoc", "--as-of", "2009-10-07");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\(untoc\) as of 2009-10-07: \d+ signatories, 29 ratified or acceded, \d+ parties \(counted-members\)", run.Output);
        Assert.Matches(@"│\s*ECU\s*│\s*\d{4}-\d{2}-\d{2}\s*│\s*ratification\s*│\s*2002-09-17", run.Output);

        var json = await mesh.RunAsync("status", "instrument", "untoc", "--as-of", "2009-10-07", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(29, parsed.RootElement.GetProperty("consentedCount").GetInt32());
    }

    [Fact]
    public async Task The_reference_data_import_needs_a_secretariat_key_and_reports_what_it_did()
    {
        var anonymous = await mesh.RunAsync("import", "reference-data");
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("error: treaty (http://treaty.test/) answered UNAUTHENTICATED", anonymous.Error);

        var partner = await mesh.RunAsync("import", "reference-data", "--key", TestSupport.TestKeys.Partner);
        Assert.Equal(1, partner.ExitCode);
        Assert.Contains("answered PERMISSION_DENIED", partner.Error);

        var environment = new Dictionary<string, string>(mesh.Environment) { ["TOCMESH_API_KEY"] = TestSupport.TestKeys.Secretariat };
        var secretariat = await mesh.RunAsync(environment, "import", "reference-data", "--json");
        Assert.True(secretariat.ExitCode == 0, secretariat.ToString());
        using var json = JsonDocument.Parse(secretariat.Output);
        Assert.True(json.RootElement.GetProperty("instruments").GetInt32() >= 4);
        Assert.Equal(0, json.RootElement.GetProperty("actionsCreated").GetInt32());
    }
}
