using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Grpc;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

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
