using Grpc.Core;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    public override async Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var page = PageRequest.From(request.PageSize, request.PageToken);

        // The hottest read of the mesh: the finished first page is cached per day and page size (a
        // later page's token is the caller's to make up, so it names no key).
        var state = (Service: this, Page: page, AsOf: asOf);
        return page.After is not null
            ? await BuildAsync(state, context.CancellationToken)
            : await cache.GetOrCreateResponseAsync(
                $"directory:member-states:v1:{asOf:yyyy-MM-dd}:{page.Size}", state, BuildAsync, [MemberStateRegister.CacheTag], context.CancellationToken);

        static async ValueTask<ListMemberStatesResponse> BuildAsync((DirectoryGrpcService Service, PageRequest Page, DateOnly AsOf) s, CancellationToken ct)
        {
            var (items, next, total) = await s.Service.MemberStates.ListAsync(s.Page, ct);
            var response = new ListMemberStatesResponse { NextPageToken = next, TotalSize = total };
            response.MemberStates.AddRange(items.Select(state => state.ToMessage(s.AsOf)));
            return response;
        }
    }

    public override async Task<GetMemberStateResponse> GetMemberState(GetMemberStateRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var state = await MemberStates.GetAsync(request.Code, "code", context.CancellationToken);
        return new GetMemberStateResponse { MemberState = state.ToMessage(asOf) };
    }
}
