using TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

public sealed class MeetingsGrpcService : MeetingsService.MeetingsServiceBase
{
}
