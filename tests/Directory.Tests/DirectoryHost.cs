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

/// <summary>One Directory shared by the read-only tests of a class.</summary>
public class DirectoryFixture : IDisposable
{
    public DirectoryFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected DirectoryFixture(DatabaseProvider provider) => Host = new DirectoryHost(provider: provider);

    public DirectoryHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, on PostgreSQL.</summary>
public sealed class PostgresDirectoryFixture() : DirectoryFixture(DatabaseProvider.Postgres);
