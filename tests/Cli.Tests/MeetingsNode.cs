extern alias meetings;

using TocMesh.TestSupport;
using MeetingsGrpcService = meetings::TocMesh.Meetings.Grpc.MeetingsGrpcService;

namespace TocMesh.Cli.Tests;

/// <summary>Meetings in-process, calling the three other services as in the mesh.</summary>
public sealed class MeetingsNode : ServiceHost<MeetingsGrpcService>
{
    public MeetingsNode(DirectoryNode directory, TreatyNode treaty, TechCoopNode techcoop) : base("meetings")
    {
        WithDependency("directory", directory);
        WithDependency("treaty", treaty);
        WithDependency("techcoop", techcoop);
    }
}
