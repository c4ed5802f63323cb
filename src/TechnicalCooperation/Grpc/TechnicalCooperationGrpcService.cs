using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

public sealed class TechnicalCooperationGrpcService : TechnicalCooperationService.TechnicalCooperationServiceBase
{
}
