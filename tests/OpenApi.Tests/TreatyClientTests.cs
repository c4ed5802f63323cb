extern alias directory;
extern alias treaty;

using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TocMesh.OpenApi.Tests.Generated.Treaty;
using TocMesh.OpenApi.Tests.Generated.Treaty.Models;
using TocMesh.TestSupport;

namespace TocMesh.OpenApi.Tests;

/// <summary>
/// A partner's view: the Kiota client generated from Treaty's OpenAPI document, calling Treaty on a
/// real port over HTTP/1.1 and JSON, with the API key as the document describes it.
/// </summary>
public sealed class TreatyClientTests(TreatyClientTests.TreatyOnAPort service) : IClassFixture<TreatyClientTests.TreatyOnAPort>
{
    [Fact]
    public async Task A_public_read_needs_no_key()
    {
        var report = await service.Client().V1.RatificationReport.GetAsync(c =>
        {
            c.QueryParameters.AsOfYear = 2009;
            c.QueryParameters.AsOfMonth = 10;
            c.QueryParameters.AsOfDay = 7;
        });

        Assert.NotNull(report);
        Assert.Contains(report.Tallies ?? [], t => t.Sentence == "Twenty-nine OAS member states had ratified or acceded to the Convention.");
        Assert.Equal(2009, report.AsOf?.Year);
    }

    [Fact]
    public async Task A_write_with_the_secretariat_key_is_recorded()
    {
        var recorded = await service.Client().V1.Legislation.PostAsync(Legislation("openapi-client-write"), c => c.Headers.Add("authorization", $"Bearer {TestKeys.Secretariat}"));

        Assert.StartsWith("legislation/", recorded?.Legislation?.Name, StringComparison.Ordinal);
        var listed = await service.Client().V1.Legislation.GetAsync(c => c.QueryParameters.StateCode = "PER");
        Assert.Contains(listed?.Legislation ?? [], l => l.Name == recorded!.Legislation!.Name);
    }

    [Fact]
    public async Task A_write_without_a_key_is_refused_with_a_status()
    {
        var status = await Assert.ThrowsAsync<Status>(() => service.Client().V1.Legislation.PostAsync(Legislation("openapi-client-anonymous")));

        Assert.Equal(401, status.ResponseStatusCode);
        Assert.Equal(16, status.Code); // UNAUTHENTICATED
        Assert.Contains(status.Details ?? [], d => d.Type == "type.googleapis.com/google.rpc.ErrorInfo");
    }

    [Fact]
    public async Task An_unknown_instrument_is_read_back_as_a_google_rpc_status()
    {
        var status = await Assert.ThrowsAsync<Status>(() => service.Client().V1.Instruments["no-such-treaty"].GetAsync());

        Assert.Equal(404, status.ResponseStatusCode);
        Assert.Equal(5, status.Code); // NOT_FOUND
        Assert.Contains("no-such-treaty", status.MessageEscaped, StringComparison.Ordinal);
        var info = Assert.Single(status.Details ?? [], d => d.Type == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("treaty.tocmesh", info.AdditionalData["domain"]);
    }

    private static RecordLegislationRequest Legislation(string requestId) => new()
    {
        RequestId = requestId,
        Legislation = new()
        {
            StateCode = "PER",
            Title = $"Test law {requestId}",
            Kind = LegislationKind.LEGISLATION_KIND_LAW,
            Status = LegislationStatus.LEGISLATION_STATUS_ENACTED,
            Topics = ["witness-protection"],
        },
    };

    /// <summary>Treaty on a real port, calling a real in-process Directory.</summary>
    public sealed class TreatyOnAPort : IDisposable
    {
        private readonly ServiceHost<directory::TocMesh.Directory.Grpc.DirectoryGrpcService> _directory = new(MeshResources.Directory);
        private readonly ServiceHost<treaty::TocMesh.Treaty.Grpc.TreatyGrpcService> _treaty = new(MeshResources.Treaty);
        private readonly HttpClient _http = new();

        public TreatyOnAPort()
        {
            _treaty.WithDependency(MeshResources.Directory, _directory);
            Address = RealPort.Start(_treaty);
        }

        public Uri Address { get; }

        /// <summary>The generated client as a partner sets it up: the service's address, no credentials of its own.</summary>
        public TreatyClient Client() => new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http)
        {
            BaseUrl = Address.ToString().TrimEnd('/'),
        });

        public void Dispose()
        {
            _http.Dispose();
            _treaty.Dispose();
            _directory.Dispose();
        }
    }
}
