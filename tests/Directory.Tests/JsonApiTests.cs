using System.Net;
using System.Text.Json;

namespace TocMesh.Directory.Tests;

/// <summary>The Directory contract as JSON over HTTP, for partners with only curl.</summary>
public sealed class JsonApiTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    private HttpClient Http => fixture.Host.CreateClient();

    [Fact]
    public async Task The_register_is_listed_as_json()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/v1/memberStates?page_size=100"));
        Assert.Equal(35, json.RootElement.GetProperty("memberStates").GetArrayLength());
    }

    [Fact]
    public async Task A_member_state_as_of_a_date_comes_from_path_and_query()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/v1/memberStates/CUB?as_of.year=2009&as_of.month=10&as_of.day=7"));
        Assert.Equal("PARTICIPATION_NOT_PARTICIPATING", json.RootElement.GetProperty("memberState").GetProperty("participation").GetString());
    }

    [Fact]
    public async Task The_change_requests_of_the_second_meeting_are_listed()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/v1/change-requests?source_meeting_id=gtdot-ii&page_size=100"));
        var states = json.RootElement.GetProperty("changeRequests").EnumerateArray().Select(c => c.GetProperty("stateCode").GetString()).Order().ToList();
        Assert.Equal(["COL", "CRI", "ECU", "GTM", "KNA", "MEX", "PER", "PRY"], states);
    }

    [Fact]
    public async Task A_create_without_a_key_is_401()
    {
        var response = await Http.PostAsync("/v1/contacts", new StringContent("""{ "contact": { "state_code": "MEX" } }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
