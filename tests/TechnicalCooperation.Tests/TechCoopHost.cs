extern alias directory;

using TocMesh.TechnicalCooperation.Grpc;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>("directory", dataFolder);

/// <summary>
/// The TechnicalCooperation service on a test server with a fresh database, calling a real in-process
/// Directory, or (with <c>directoryDown</c>) a Directory that cannot be reached. Treaty is unreachable
/// unless a test routes it.
/// </summary>
public sealed class TechCoopHost : ServiceHost<TechnicalCooperationGrpcService>
{
    public TechCoopHost(DirectoryDependency? directory = null, string? dataFolder = null, bool directoryDown = false)
        : base(TechCoopServiceInfo.Name, dataFolder)
    {
        WithDependencyDown("treaty");
        if (directoryDown)
        {
            WithDependencyDown("directory");
            return;
        }

        Directory = directory ?? new DirectoryDependency();
        WithDependency("directory", Directory);
    }

    public DirectoryDependency? Directory { get; }

    public TechnicalCooperationService.TechnicalCooperationServiceClient TechCoop(string? apiKey = null) => Client<TechnicalCooperationService.TechnicalCooperationServiceClient>(apiKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory?.Dispose();
        }
    }
}

/// <summary>One host shared by the tests of a class; each test works in its own areas and states.</summary>
public sealed class TechCoopFixture : IDisposable
{
    public TechCoopHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
