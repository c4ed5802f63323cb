extern alias directory;

using TocMesh.Meetings.Grpc;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.Meetings.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>("directory", dataFolder);

/// <summary>The Meetings service on a test server with a fresh database, calling a real in-process Directory.</summary>
public sealed class MeetingsHost : ServiceHost<MeetingsGrpcService>
{
    public MeetingsHost(DirectoryDependency? directory = null, string? dataFolder = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : base(MeshResources.Meetings, dataFolder, provider)
    {
        Directory = directory ?? new DirectoryDependency();
        WithDependency("directory", Directory);
    }

    public DirectoryDependency Directory { get; }

    public MeetingsService.MeetingsServiceClient Meetings(string? apiKey = null) => Client<MeetingsService.MeetingsServiceClient>(apiKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Dispose();
        }
    }
}
