extern alias directory;
extern alias meetings;
extern alias techcoop;
extern alias treaty;

using System.Text.Json;
using Google.Protobuf.Reflection;

namespace TocMesh.OpenApi.Tests;

/// <summary>What a partner learns from a document alone: what each operation does, its name, how to authenticate, how it fails.</summary>
public sealed class DocumentTests(ServiceDocuments documents) : IClassFixture<ServiceDocuments>
{
    /// <summary>The RPCs deliberately left off the JSON surface (docs/contracts.md says why).</summary>
    private static readonly string[] NotOnJson = ["DirectoryService_WatchDirectory", "TreatyService_ImportReferenceData"];

    private static readonly Dictionary<string, ServiceDescriptor> Contracts = new()
    {
        ["Treaty"] = treaty::TocMesh.Treaty.V1.TreatyService.Descriptor,
        ["Directory"] = directory::TocMesh.Directory.V1.DirectoryService.Descriptor,
        ["TechnicalCooperation"] = techcoop::TocMesh.TechnicalCooperation.V1.TechnicalCooperationService.Descriptor,
        ["Meetings"] = meetings::TocMesh.Meetings.V1.MeetingsService.Descriptor,
    };

    [Theory]
    [MemberData(nameof(ServiceDocuments.Names), MemberType = typeof(ServiceDocuments))]
    public async Task Every_rpc_but_the_listed_exceptions_is_an_operation_named_after_it(string service)
    {
        var operations = Operations(await ParseAsync(service)).Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();

        var contract = Contracts[service];
        var expected = contract.Methods.Select(m => $"{contract.Name}_{m.Name}").Except(NotOnJson).Order(StringComparer.Ordinal);
        Assert.Equal(expected, operations.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ServiceDocuments.Names), MemberType = typeof(ServiceDocuments))]
    public async Task Every_operation_has_the_contracts_comment_its_key_and_its_errors(string service)
    {
        using var document = await ParseAsync(service);
        var root = document.RootElement;
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.NotEmpty(root.GetProperty("servers").EnumerateArray());
        var status = root.GetProperty("components").GetProperty("schemas").GetProperty("Status").GetProperty("properties");
        Assert.Equal(["code", "message", "details"], status.EnumerateObject().Select(p => p.Name));

        foreach (var (method, path, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), name);
            var security = operation.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
            Assert.Equal(method == "get" ? ["", "bearer"] : ["bearer"], security);
            var responses = operation.GetProperty("responses");
            var errors = method == "get" ? new[] { "400", "401", "429", "503", "default" } : ["400", "401", "403", "404", "409", "429", "503", "default"];
            foreach (var code in errors)
            {
                Assert.True(responses.TryGetProperty(code, out var response), $"{name} has no {code} response");
                Assert.Equal("#/components/schemas/Status", response.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public async Task The_ratification_report_reads_as_the_contract_says_it()
    {
        using var document = await ParseAsync("Treaty");
        var report = document.RootElement.GetProperty("paths").GetProperty("/v1/ratificationReport").GetProperty("get");

        Assert.Equal("TreatyService_GetRatificationReport", report.GetProperty("operationId").GetString());
        Assert.Equal("Per instrument, how many states had ratified or acceded as of a date, as a meeting report says it.", report.GetProperty("summary").GetString());
        Assert.Contains(report.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "scope" && p.GetProperty("description").GetString() == "Which states a report counts.");
        var tag = Assert.Single(document.RootElement.GetProperty("tags").EnumerateArray());
        Assert.Equal("Who signed, ratified or acceded to which instrument, and when; what that meant on any date.", tag.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_route_on_a_resource_name_keeps_its_collection()
    {
        using var document = await ParseAsync("Directory");
        var contact = document.RootElement.GetProperty("paths").GetProperty("/v1/contacts/{contactId}");

        Assert.Equal("DirectoryService_GetContact", contact.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("DirectoryService_UpdateContact", contact.GetProperty("patch").GetProperty("operationId").GetString());
        Assert.DoesNotContain(document.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/v1/{", StringComparison.Ordinal));
    }

    private async Task<JsonDocument> ParseAsync(string service) => JsonDocument.Parse(await documents.DocumentAsync(service));

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (op.Name, path.Name, op.Value)));
}
