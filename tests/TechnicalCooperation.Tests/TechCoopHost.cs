extern alias directory;

using TocMesh.TechnicalCooperation.Grpc;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>("directory", dataFolder);

/// <summary>The TechnicalCooperation service on a test server with a fresh database, calling a real in-process Directory.</summary>
public sealed class TechCoopHost : ServiceHost<TechnicalCooperationGrpcService>
{
    public TechCoopHost(DirectoryDependency? directory = null, string? dataFolder = null)
        : base(TechCoopServiceInfo.Name, dataFolder)
    {
        Directory = directory ?? new DirectoryDependency();
        WithDependency("directory", Directory);
    }

    public DirectoryDependency Directory { get; }

    public TechnicalCooperationService.TechnicalCooperationServiceClient TechCoop(string? apiKey = null) => Client<TechnicalCooperationService.TechnicalCooperationServiceClient>(apiKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Dispose();
        }
    }
}
