using Grpc.Core;
using TocMesh.Directory.Domain;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.MemberStates;
using MemberState = TocMesh.Directory.V1.MemberState;
using MembershipPeriod = TocMesh.Directory.V1.MembershipPeriod;
using Participation = TocMesh.Directory.V1.Participation;

namespace TocMesh.Directory.Grpc;

public sealed class DirectoryGrpcService(MemberStateCatalog memberStates) : DirectoryService.DirectoryServiceBase
{
    public override async Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of");
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next, total) = await memberStates.ListAsync(page, context.CancellationToken);
        var response = new ListMemberStatesResponse { NextPageToken = next, TotalSize = total };
        response.MemberStates.AddRange(items.Select(s => ToMessage(s, asOf)));
        return response;
    }

    public override async Task<GetMemberStateResponse> GetMemberState(GetMemberStateRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of");
        var state = await memberStates.GetAsync(request.Code, "code", context.CancellationToken);
        return new GetMemberStateResponse { MemberState = ToMessage(state, asOf) };
    }

    internal static MemberState ToMessage(MemberStateInfo state, DateOnly asOf)
    {
        var message = new MemberState
        {
            Code = state.Code,
            Iso2 = state.Iso2,
            NameEn = state.NameEn,
            NameEs = state.NameEs,
            AsOf = asOf.ToProto(),
            Participation = ToMessage(state.ParticipationOn(asOf)),
            Member = state.IsMemberOn(asOf),
            CountedInReports = state.CountsOn(asOf),
        };
        message.MembershipPeriods.AddRange(state.Periods.Select(p => new MembershipPeriod
        {
            Status = ToMessage(p.Status),
            StartDate = p.From.ToProto(),
            EndDate = p.To.ToProto(),
            Basis = p.Basis,
        }));
        return message;
    }

    private static Participation ToMessage(ServiceDefaults.MemberStates.Participation participation) => participation switch
    {
        ServiceDefaults.MemberStates.Participation.Participating => Participation.Participating,
        ServiceDefaults.MemberStates.Participation.Suspended => Participation.Suspended,
        ServiceDefaults.MemberStates.Participation.NotParticipating => Participation.NotParticipating,
        ServiceDefaults.MemberStates.Participation.Withdrawn => Participation.Withdrawn,
        _ => Participation.Unspecified,
    };
}
