extern alias treaty;

using TocMesh.TestSupport;
using TreatyGrpcService = treaty::TocMesh.Treaty.Grpc.TreatyGrpcService;

namespace TocMesh.Cli.Tests;

/// <summary>Treaty in-process, calling the Directory as in the mesh.</summary>
public sealed class TreatyNode : ServiceHost<TreatyGrpcService>
{
    public TreatyNode(DirectoryNode directory) : base("treaty") => WithDependency("directory", directory);
}
