using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Treaty on real ports as a deployment with the <c>tls</c> component runs it: Kestrel's own certificate
/// settings with PEM files, its partner endpoints <c>https://</c>, the mesh endpoint h2c.
/// </summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Grpc_and_json_are_served_over_tls_and_the_mesh_port_stays_h2c()
    {
        using var certificate = new TestCertificate();
        using var host = new TreatyHost();
        host.WithSetting("Kestrel:Endpoints:http:Url", "https://127.0.0.1:0")
            .WithSetting("Kestrel:Endpoints:rest:Url", "https://127.0.0.2:0")
            .WithSetting("Kestrel:Endpoints:mesh:Url", "http://127.0.0.3:0")
            .WithSetting("Kestrel:Endpoints:mesh:Protocols", "Http2")
            .WithSetting("Kestrel:Certificates:Default:Path", certificate.CertificatePath)
            .WithSetting("Kestrel:Certificates:Default:KeyPath", certificate.KeyPath);
        var addresses = host.StartOnPorts().ToDictionary(a => a.Host);
        var grpcPort = addresses["127.0.0.1"];
        var jsonPort = addresses["127.0.0.2"];
        var meshPort = addresses["127.0.0.3"];
        Assert.Equal(Uri.UriSchemeHttps, grpcPort.Scheme);
        Assert.Equal(Uri.UriSchemeHttps, jsonPort.Scheme);
        Assert.Equal(Uri.UriSchemeHttp, meshPort.Scheme);

        // gRPC over TLS: the handshake presented the configured certificate, and ALPN chose h2.
        var presented = new List<X509Certificate2>();
        var versions = new VersionRecorder(certificate.TrustingHandler(presented));
        using (var channel = GrpcChannel.ForAddress(grpcPort, new GrpcChannelOptions { HttpHandler = versions }))
        {
            var status = await new TreatyService.TreatyServiceClient(channel).GetStateStatusAsync(
                new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Meeting });
            Assert.Contains(status.Instruments, i => i.InstrumentId == "untoc");
        }

        Assert.Equal(HttpVersion.Version20, Assert.Single(versions.Seen));
        Assert.Contains(presented, c => c.Thumbprint == certificate.Server.Thumbprint);

        // JSON over TLS, HTTP/1.1, on the JSON port and on the gRPC port (ALPN offers both there).
        using (var http = new HttpClient(certificate.TrustingHandler()))
        {
            foreach (var port in new[] { jsonPort, grpcPort })
            {
                using var response = await http.GetAsync(new Uri(port, "/v1/instruments"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(HttpVersion.Version11, response.Version);
                Assert.Contains("\"untoc\"", await response.Content.ReadAsStringAsync());
            }
        }

        // Plain text gets nothing from a TLS port.
        using (var plain = GrpcChannel.ForAddress(new UriBuilder(grpcPort) { Scheme = Uri.UriSchemeHttp }.Uri))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => new TreatyService.TreatyServiceClient(plain).GetStateStatusAsync(
                new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Meeting }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        }

        // The mesh port: h2c with prior knowledge, as the other services and the kubelet's probes call it.
        using (var mesh = GrpcChannel.ForAddress(meshPort))
        {
            var status = await new TreatyService.TreatyServiceClient(mesh).GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX", AsOf = D.Meeting });
            Assert.Contains(status.Instruments, i => i.InstrumentId == "untoc");
        }
    }

    /// <summary>Records the HTTP version of every response.</summary>
    private sealed class VersionRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<Version> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (Seen)
            {
                Seen.Add(response.Version);
            }

            return response;
        }
    }
}
