using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>The needs assessment: needs of states and of the hemisphere, and their resolution.</summary>
public sealed partial class TechnicalCooperationGrpcService
{
    public override async Task<RecordNeedResponse> RecordNeed(RecordNeedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("record a need");
        string? state = null;
        if (string.IsNullOrWhiteSpace(request.Need?.StateCode))
        {
            caller.EnsureSecretariat("record a need of the hemisphere as a whole");
        }
        else
        {
            state = await memberStates.EnsureMemberAsync(request.Need.StateCode, "need.state_code", context.CancellationToken);
            caller.EnsureMayWriteFor(state, "record a need");
        }

        var v = new FieldViolations();
        var need = MessageReader.ToNeed(request.Need, state, Today, v);
        var key = IdempotencyKey.Of(context, request, v);
        v.ThrowIfAny();

        var saved = await Needs.RecordAsync(need, key, context.CancellationToken);
        return new RecordNeedResponse { Need = saved.ToMessage() };
    }

    public override async Task<ResolveNeedResponse> ResolveNeed(ResolveNeedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("resolve a need");
        var v = new FieldViolations();
        var id = v.Try(() => ResourceNames.ParseNeed(request.Name, "name"));
        (long, long)? editionRef = request.Edition.Length == 0 ? null : v.Try(() => ((long, long)?)ResourceNames.ParseEdition(request.Edition, "edition"));
        var resolvedOn = v.Try(() => request.ResolvedOn.ToDateOnlyOrNull("resolved_on")) ?? Today;
        v.Check(resolvedOn <= Today, "resolved_on", "is in the future");
        var note = Vocabulary.Text(request.Note, "note", 2000, v, required: false);
        v.ThrowIfAny();

        var need = await Needs.GetAsync(id, context.CancellationToken);
        if (need.StateCode is null)
        {
            caller.EnsureSecretariat("resolve a need of the hemisphere");
        }
        else
        {
            caller.EnsureMayWriteFor(need.StateCode, "resolve a need");
        }

        if (editionRef is var (courseId, editionId))
        {
            var (course, edition) = await Toolkit.FindEditionAsync(courseId, editionId, "edition", context.CancellationToken);
            need.EnsureAnsweredBy(course, edition);
            v.Check(edition.StartDate <= resolvedOn, "resolved_on", $"is before the edition started ({edition.StartDate:yyyy-MM-dd})");
            v.ThrowIfAny();
        }

        var saved = await Needs.ResolveAsync(id, resolvedOn, editionRef, note, context.CancellationToken);
        return new ResolveNeedResponse { Need = saved.ToMessage() };
    }

    public override async Task<ListNeedsResponse> ListNeeds(ListNeedsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var hemisphereOnly = request.StateCode == "-";
        var state = request.StateCode.Length == 0 || hemisphereOnly ? null : v.Try(() => StateCodes.Normalize(request.StateCode, "state_code"));
        var area = Vocabulary.NormalizeSlug(request.Area, "area", v, required: false);
        v.Check(Enum.IsDefined((Domain.NeedPriority)request.Priority), "priority", "is not a known priority");
        v.Check(Enum.IsDefined((Domain.NeedStatus)request.Status), "status", "is not a known status");
        v.ThrowIfAny();

        var matching = (await Needs.AllAsync(context.CancellationToken))
            .Where(n => hemisphereOnly ? n.StateCode is null : state is null || n.StateCode == state)
            .Where(n => area is null || n.Area == area)
            .Where(n => request.Priority == V1.NeedPriority.Unspecified || n.Priority == (Domain.NeedPriority)request.Priority)
            .Where(n => request.Status == V1.NeedStatus.Unspecified || n.Status == (Domain.NeedStatus)request.Status)
            .ToList();
        var (items, next) = page.Take(matching, n => Key(n.Id));
        var response = new ListNeedsResponse { NextPageToken = next, TotalSize = matching.Count };
        response.Needs.AddRange(items.Select(n => n.ToMessage()));
        return response;
    }

    public override async Task<GetNeedsAssessmentResponse> GetNeedsAssessment(GetNeedsAssessmentRequest request, ServerCallContext context)
    {
        var state = request.StateCode.Length == 0 ? null : await memberStates.EnsureMemberAsync(request.StateCode, "state_code", context.CancellationToken);
        var scope = (await Needs.AllAsync(context.CancellationToken))
            .Where(n => state is null || n.StateCode == state)
            .ToList();
        var response = new GetNeedsAssessmentResponse { StateCode = state ?? "" };
        response.Needs.AddRange(scope.Select(n => n.ToMessage()));
        response.Areas.AddRange(scope
            .GroupBy(n => n.Area, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var area = new AreaNeeds
                {
                    Area = g.Key,
                    OpenCount = g.Count(n => n.IsOpen),
                    ResolvedCount = g.Count(n => n.Status == Domain.NeedStatus.Resolved),
                };
                area.StateCodes.AddRange(g.Where(n => n.IsOpen && n.StateCode is not null).Select(n => n.StateCode!).Distinct().Order(StringComparer.Ordinal));
                return area;
            }));
        return response;
    }
}
