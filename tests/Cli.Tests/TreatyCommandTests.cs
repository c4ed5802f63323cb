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
        Assert.Contains("Ratification report as of 2009-10-07, counting the 34 member states other than Cuba, whose government did not take part.", run.Output);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", run.Output);
        Assert.Matches(@"\(untoc\)\s*│\s*29\s*│", run.Output);
        Assert.Matches(@"\(untoc-firearms\)\s*│\s*19\s*│", run.Output);
        Assert.DoesNotContain("Status not recorded (counted", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_count_over_states_whose_status_is_not_recorded_says_so_in_the_table_the_sentence_and_the_json()
    {
        var run = await mesh.RunAsync("report", "ratification", "--as-of", "2009-10-07", "--instrument", "cifta");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\(cifta\)\s*│\s*at least 21\s*│\s*0\s*│\s*1\s*│\s*12\s*│", run.Output);
        Assert.Contains("At least 21 of the 34 OAS member states had ratified or acceded to the Inter-American Convention against", run.Output);
        Assert.Contains("; the status of 12 is not recorded.", run.Output);
        Assert.Contains("  cifta: BRB, DMA, DOM, GUY, HND, HTI, JAM, KNA, SUR, TTO, USA, VCT", run.Output);
        Assert.DoesNotContain("No member state", run.Output);

        var json = await mesh.RunAsync("report", "ratification", "--as-of", "2009-10-07", "--instrument", "cifta", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        var coverage = parsed.RootElement.GetProperty("tallies")[0].GetProperty("coverage");
        Assert.Equal(("COVERAGE_LEVEL_PARTIAL", 22, 12), (coverage.GetProperty("level").GetString(), coverage.GetProperty("knownCount").GetInt32(), coverage.GetProperty("unknownCount").GetInt32()));
        Assert.Equal("the 34 member states other than Cuba, whose government did not take part", parsed.RootElement.GetProperty("scopeDescription").GetString());
    }

    [Fact]
    public async Task A_state_counted_on_a_published_list_shows_the_list_and_its_source()
    {
        var run = await mesh.RunAsync("status", "state", "VEN", "--as-of", "2009-10-07");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\(a-55\)\s*│\s*│\s*listed as ratified\s*│\s*on or before 2001-06-05\s*│\s*date not recorded\s*│\s*not computable", run.Output);
        Assert.Contains("a-55: ratified (listed) (press release of 5 June 2001), OAS press release E-120/01 of 2001-06-05", run.Output);

        var later = await mesh.RunAsync("status", "state", "LCA", "--as-of", "2020-01-01");
        Assert.Matches(@"\(untoc-som\)\s*│[^\n]*│\s*not recorded\s*│", later.Output);
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
        Assert.Matches(@"\(untoc\) as of 2009-10-07, counting the 34 member states other than Cuba, whose government did not take part: \d+ signatories, 29 ratified or acceded, \d+ parties\.", run.Output);
        Assert.Contains("Status recorded for all 34.", run.Output);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", run.Output);
        Assert.Matches(@"│\s*ECU\s*│\s*\d{4}-\d{2}-\d{2}\s*│\s*ratification\s*│\s*2002-09-17", run.Output);

        var json = await mesh.RunAsync("status", "instrument", "untoc", "--as-of", "2009-10-07", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(29, parsed.RootElement.GetProperty("consentedCount").GetInt32());

        var cifta = await mesh.RunAsync("status", "instrument", "cifta", "--as-of", "2009-10-07");
        Assert.Matches(@"\(cifta\) as of 2009-10-07, counting [^:]*: at least 1 signatory, at least 21 ratified or acceded, at least 21 parties\.", cifta.Output);
        Assert.Contains("Status recorded for 22 of 34; not recorded for BRB, DMA, DOM, GUY, HND, HTI, JAM, KNA, SUR, TTO, USA, VCT.", cifta.Output);
    }

    [Fact]
    public async Task The_reference_data_import_needs_a_secretariat_key_and_reports_what_it_did()
    {
        var anonymous = await mesh.RunAsync("import", "reference-data");
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("error: treaty (http://treaty.localhost/) answered UNAUTHENTICATED", anonymous.Error);

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
