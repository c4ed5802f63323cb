using Grpc.Core;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    public override async Task<ListChangeRequestsResponse> ListChangeRequests(ListChangeRequestsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Status), "status", "is not a ChangeRequestStatus");
        violations.ThrowIfAny();

        var filter = new ChangeRequestFilter(
            state,
            request.Status == ChangeRequestStatus.Unspecified ? null : (Domain.ChangeRequestStatus)(int)request.Status,
            request.SourceMeetingId.Length > 0 ? request.SourceMeetingId.Trim() : null,
            request.OverdueOnly);
        var (items, next) = await ChangeRequests.ListAsync(filter, page, context.CancellationToken);
        var response = new ListChangeRequestsResponse { NextPageToken = next };
        response.ChangeRequests.AddRange(items.Select(r => r.ToMessage()));
        return response;
    }

    public override async Task<OpenChangeRequestResponse> OpenChangeRequest(OpenChangeRequestRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var draft = request.ChangeRequest.ToDraft(violations);
        var opened = await ChangeRequests.OpenAsync(draft, IdempotencyKey.Of(context, request, violations), context.GetCaller(), violations, context.CancellationToken);
        return new OpenChangeRequestResponse { ChangeRequest = opened.ToMessage() };
    }
}
