using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TocMesh.TestSupport;

namespace TocMesh.Treaty.Tests;

/// <summary>A partner with only an HTTP client and JSON: the same contract under /v1/...</summary>
public sealed class JsonApiTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private HttpClient Http => fixture.Host.CreateClient();

    [Fact]
    public async Task Instruments_are_listed_as_json()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/v1/instruments"));
        var ids = json.RootElement.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains("untoc", ids);
        Assert.Contains("untoc-firearms", ids);
    }

    [Fact]
    public async Task The_ratification_report_takes_its_date_from_the_query_string()
    {
        var body = await Http.GetStringAsync("/v1/ratificationReport?as_of.year=2009&as_of.month=10&as_of.day=7");
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_instrument_is_404_with_the_status_as_json()
    {
        var response = await Http.GetAsync("/v1/instruments/no-such-treaty");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, error.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("no-such-treaty", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_400_naming_the_field()
    {
        var response = await Http.GetAsync("/v1/states/MEX/status?as_of.year=2009&as_of.month=13&as_of.day=1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("as_of", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_without_a_key_is_401_and_with_the_secretariat_key_it_is_accepted()
    {
        const string legislation = """{ "request_id": "json-api-test", "legislation": { "state_code": "PER", "title": "Test law", "kind": "LEGISLATION_KIND_LAW", "status": "LEGISLATION_STATUS_ENACTED", "topics": ["witness-protection"] } }""";
        var anonymous = await Http.PostAsync("/v1/legislation", new StringContent(legislation, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/legislation") { Content = new StringContent(legislation, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Secretariat);
        var accepted = await Http.SendAsync(request);
        var text = await accepted.Content.ReadAsStringAsync();
        Assert.True(accepted.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        Assert.StartsWith("legislation/", json.RootElement.GetProperty("legislation").GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_json_routes()
    {
        var document = await Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/v1/instruments", document, StringComparison.Ordinal);
        Assert.Contains("/v1/ratificationReport", document, StringComparison.Ordinal);
    }
}
