extern alias directory;
extern alias meetings;
extern alias techcoop;
extern alias treaty;

using TocMesh.TestSupport;

namespace TocMesh.OpenApi.Tests;

/// <summary>
/// The four services in-process (their dependencies unreachable: a document does not need them), and
/// each one's live OpenAPI document as a partner fetches it from <c>/openapi/v1.json</c>.
/// </summary>
public sealed class ServiceDocuments : IDisposable
{
    /// <summary>The services by the folder name their generated client and document snapshot use.</summary>
    public static TheoryData<string> Names { get; } = ["Treaty", "Directory", "TechnicalCooperation", "Meetings"];

    private readonly Dictionary<string, IDisposable> _hosts = [];
    private readonly Dictionary<string, Func<HttpClient>> _clients = [];
    private readonly Dictionary<string, string> _documents = [];
    private readonly Lock _lock = new();

    public ServiceDocuments()
    {
        Add("Treaty", new ServiceHost<treaty::TocMesh.Treaty.Grpc.TreatyGrpcService>(MeshResources.Treaty).WithDependencyDown(MeshResources.Directory));
        Add("Directory", new ServiceHost<directory::TocMesh.Directory.Grpc.DirectoryGrpcService>(MeshResources.Directory));
        Add("TechnicalCooperation", new ServiceHost<techcoop::TocMesh.TechnicalCooperation.Grpc.TechnicalCooperationGrpcService>(MeshResources.TechnicalCooperation)
            .WithDependencyDown(MeshResources.Directory).WithDependencyDown(MeshResources.Treaty));
        Add("Meetings", new ServiceHost<meetings::TocMesh.Meetings.Grpc.MeetingsGrpcService>(MeshResources.Meetings)
            .WithDependencyDown(MeshResources.Directory).WithDependencyDown(MeshResources.Treaty).WithDependencyDown(MeshResources.TechnicalCooperation));
    }

    /// <summary>The document the service serves now, as JSON text.</summary>
    public async Task<string> DocumentAsync(string name)
    {
        lock (_lock)
        {
            if (_documents.TryGetValue(name, out var cached))
            {
                return cached;
            }
        }

        using var http = _clients[name]();
        var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{name}: /openapi/v1.json answered {(int)response.StatusCode}: {text}");
        lock (_lock)
        {
            _documents[name] = text;
        }

        return text;
    }

    public void Dispose()
    {
        foreach (var host in _hosts.Values)
        {
            host.Dispose();
        }
    }

    private void Add<T>(string name, ServiceHost<T> host) where T : class
    {
        _hosts[name] = host;
        _clients[name] = host.CreateClient;
    }
}
