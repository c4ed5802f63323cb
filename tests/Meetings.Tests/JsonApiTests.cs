using System.Net;
using System.Text.Json;

namespace TocMesh.Meetings.Tests;

/// <summary>The Meetings contract as JSON over HTTP, for partners with only curl.</summary>
public sealed class JsonApiTests(MeetingsFixture fixture) : IClassFixture<MeetingsFixture>
{
    private HttpClient Http => fixture.Host.CreateClient();

    [Fact]
    public async Task The_second_meeting_is_read_by_its_id()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/v1/meetings/gtdot-ii"));
        Assert.Equal("gtdot-ii", json.RootElement.GetProperty("meeting").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_document_is_found_by_its_symbol_in_the_path()
    {
        var response = await Http.GetAsync("/v1/documents/GT/DOT-II/doc.5/09%20corr.%201");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("GT/DOT-II/doc.5/09 corr. 1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_symbol_is_400_saying_where()
    {
        var response = await Http.GetAsync("/v1/documentSymbols:parse?symbol=GT/DOT-II/doc.5/2009");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolution_symbol_parses_to_its_session_year()
    {
        var body = await Http.GetStringAsync("/v1/documentSymbols:parse?symbol=" + Uri.EscapeDataString("AG/RES. 2490 (XXXIX-O/09)"));
        Assert.Contains("2009", body, StringComparison.Ordinal);
    }
}
