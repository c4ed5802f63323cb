extern alias techcoop;

using TocMesh.TestSupport;
using TechCoopGrpcService = techcoop::TocMesh.TechnicalCooperation.Grpc.TechnicalCooperationGrpcService;

namespace TocMesh.Cli.Tests;

/// <summary>TechnicalCooperation in-process, calling the Directory and Treaty as in the mesh.</summary>
public sealed class TechCoopNode : ServiceHost<TechCoopGrpcService>
{
    public TechCoopNode(DirectoryNode directory, TreatyNode treaty) : base("techcoop")
    {
        WithDependency("directory", directory);
        WithDependency("treaty", treaty);
    }
}
