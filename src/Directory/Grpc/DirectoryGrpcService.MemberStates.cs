using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    public override async Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var page = PageRequest.From(request.PageSize, request.PageToken);

        // The hottest read of the mesh: the finished response is cached per day and page.
        return await cache.GetOrCreateResponseAsync(
            $"directory:member-states:v1:{asOf:yyyy-MM-dd}:{page.Size}:{page.After}",
            (MemberStates: memberStates, Page: page, AsOf: asOf),
            static async (s, ct) =>
            {
                var (items, next, total) = await s.MemberStates.ListAsync(s.Page, ct);
                var response = new ListMemberStatesResponse { NextPageToken = next, TotalSize = total };
                response.MemberStates.AddRange(items.Select(state => state.ToMessage(s.AsOf)));
                return response;
            },
            [MemberStateRegister.CacheTag],
            context.CancellationToken);
    }

    public override async Task<GetMemberStateResponse> GetMemberState(GetMemberStateRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var state = await memberStates.GetAsync(request.Code, "code", context.CancellationToken);
        return new GetMemberStateResponse { MemberState = state.ToMessage(asOf) };
    }
}
