using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Grpc;

public sealed class TreatyGrpcService : TreatyService.TreatyServiceBase
{
}
