extern alias directory;
extern alias treaty;

using TocMesh.TechnicalCooperation.Grpc;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;
using TreatyGrpcService = treaty::TocMesh.Treaty.Grpc.TreatyGrpcService;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>(MeshResources.Directory, dataFolder);

/// <summary>The Treaty service, in-process, calling its own Directory.</summary>
public sealed class TreatyDependency : ServiceHost<TreatyGrpcService>
{
    public TreatyDependency(DirectoryDependency directory)
        : base(MeshResources.Treaty)
    {
        WithDependency(MeshResources.Directory, directory);
    }
}

/// <summary>
/// The TechnicalCooperation service on a test server with a fresh database, calling a real in-process
/// Directory, or (with <c>directoryDown</c>) a Directory that cannot be reached. Treaty is unreachable
/// unless a test routes it.
/// </summary>
public sealed class TechCoopHost : ServiceHost<TechnicalCooperationGrpcService>
{
    public TechCoopHost(DirectoryDependency? directory = null, string? dataFolder = null, bool directoryDown = false, bool withTreaty = false, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : base(MeshResources.TechnicalCooperation, dataFolder, provider)
    {
        if (!directoryDown)
        {
            Directory = directory ?? new DirectoryDependency();
            WithDependency(MeshResources.Directory, Directory);
        }
        else
        {
            WithDependencyDown(MeshResources.Directory);
        }

        if (withTreaty)
        {
            Treaty = new TreatyDependency(Directory ?? new DirectoryDependency());
            WithDependency(MeshResources.Treaty, Treaty);
        }
        else
        {
            WithDependencyDown(MeshResources.Treaty);
        }
    }

    public DirectoryDependency? Directory { get; }

    public TreatyDependency? Treaty { get; }

    /// <summary>The Directory's contract, as this service's own client of it compiles it.</summary>
    public TocMesh.Directory.V1.DirectoryService.DirectoryServiceClient DirectoryClient(string? apiKey = null) =>
        Directory!.Client<TocMesh.Directory.V1.DirectoryService.DirectoryServiceClient>(apiKey);

    public TechnicalCooperationService.TechnicalCooperationServiceClient TechCoop(string? apiKey = null) => Client<TechnicalCooperationService.TechnicalCooperationServiceClient>(apiKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Treaty?.Dispose();
            Directory?.Dispose();
        }
    }
}

/// <summary>One host shared by the tests of a class; each test works in its own areas and states.</summary>
public class TechCoopFixture : IDisposable
{
    public TechCoopFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected TechCoopFixture(DatabaseProvider provider) => Host = new TechCoopHost(provider: provider);

    public TechCoopHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with TechnicalCooperation on PostgreSQL.</summary>
public sealed class PostgresTechCoopFixture() : TechCoopFixture(DatabaseProvider.Postgres);
