using Microsoft.Extensions.DependencyInjection;
using TocMesh.Directory.Grpc;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

/// <summary>The Directory service on a test server with a fresh database.</summary>
public sealed class DirectoryHost(string? dataFolder = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    : ServiceHost<DirectoryGrpcService>(MeshResources.Directory, dataFolder, provider)
{
    public DirectoryService.DirectoryServiceClient Directory(string? apiKey = null) => Client<DirectoryService.DirectoryServiceClient>(apiKey);

    /// <summary>Records every change at the time <paramref name="clock"/> says.</summary>
    public DirectoryHost WithClock(TimeProvider clock)
    {
        WithServices(services => services.AddSingleton(clock));
        return this;
    }

    /// <summary>Changes a setting of the Directory (section "Directory").</summary>
    public DirectoryHost WithDirectorySetting(string key, string value)
    {
        WithSetting($"Directory:{key}", value);
        return this;
    }
}
