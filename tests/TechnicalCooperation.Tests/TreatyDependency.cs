extern alias treaty;

using TocMesh.TestSupport;
using TreatyGrpcService = treaty::TocMesh.Treaty.Grpc.TreatyGrpcService;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>The Treaty service, in-process, calling its own Directory.</summary>
public sealed class TreatyDependency : ServiceHost<TreatyGrpcService>
{
    public TreatyDependency(DirectoryDependency directory)
        : base(MeshResources.Treaty)
    {
        WithDependency(MeshResources.Directory, directory);
    }
}
