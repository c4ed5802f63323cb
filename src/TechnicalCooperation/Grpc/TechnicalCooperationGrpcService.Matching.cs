using Grpc.Core;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>Needs matched to the toolkit, and needs suggested by a state's treaty status.</summary>
public sealed partial class TechnicalCooperationGrpcService
{
    public override async Task<RecommendCoursesResponse> RecommendCourses(RecommendCoursesRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var audience = Vocabulary.NormalizeSlug(request.Audience, "audience", v, required: false);
        v.Check(request.MaxResults is >= 0 and <= 100, "max_results", "must be between 0 (the default, 10) and 100");
        v.ThrowIfAny();
        var state = await memberStates.EnsureMemberAsync(request.StateCode, "state_code", context.CancellationToken);

        var courses = await Toolkit.AllAsync(context.CancellationToken);
        var recommendations = Matching.Recommend(
            state, courses, await Needs.AllAsync(context.CancellationToken), request.IncludeHemisphereNeeds, audience,
            request.MaxResults == 0 ? 10 : request.MaxResults);
        var resolved = await PointsOfContact.ResolveAllAsync(recommendations.Select(r => r.Course).ToList(), context.CancellationToken);
        var response = new RecommendCoursesResponse { StateCode = state };
        response.Recommendations.AddRange(recommendations.Select(r =>
        {
            var message = new V1.CourseRecommendation
            {
                Course = r.Course.ToMessage(r.Course.PointOfContact is null ? null : resolved[r.Course.PointOfContact]),
                Rank = r.Rank,
                Score = r.Score,
                Reason = r.Reason,
            };
            message.AnsweredNeeds.AddRange(r.AnsweredNeeds.Select(n => n.Name));
            return message;
        }));
        return response;
    }

    public override async Task<ListUncoveredNeedsResponse> ListUncoveredNeeds(ListUncoveredNeedsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var state = request.StateCode.Length == 0 ? null : v.Try(() => StateCodes.Normalize(request.StateCode, "state_code"));
        var area = Vocabulary.NormalizeSlug(request.Area, "area", v, required: false);
        v.ThrowIfAny();

        var scope = (await Needs.AllAsync(context.CancellationToken))
            .Where(n => state is null || n.StateCode == state)
            .Where(n => area is null || n.Area == area);
        var uncovered = Matching.Uncovered(await Toolkit.AllAsync(context.CancellationToken), scope, request.DeliveredCoursesOnly);
        var response = new ListUncoveredNeedsResponse();
        response.Needs.AddRange(uncovered.Select(n => n.ToMessage()));
        response.Areas.AddRange(uncovered.Select(n => n.Area).Distinct().Order(StringComparer.Ordinal));
        return response;
    }

    public override async Task<SuggestNeedsFromTreatyStatusResponse> SuggestNeedsFromTreatyStatus(SuggestNeedsFromTreatyStatusRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var asOf = v.Try(() => (DateOnly?)request.AsOf.ToAsOf("as_of", clock));
        v.ThrowIfAny();
        var state = await memberStates.EnsureMemberAsync(request.StateCode, "state_code", context.CancellationToken);

        var standings = await Treaty.GetStateStatusAsync(state, asOf!.Value, context.CancellationToken);
        var suggestions = TreatyNeeds.Suggest(state, asOf.Value, standings, await Needs.AllAsync(context.CancellationToken));
        var response = new SuggestNeedsFromTreatyStatusResponse { StateCode = state, AsOf = asOf.Value.ToProto() };
        response.Suggestions.AddRange(suggestions.Select(s => new V1.SuggestedNeed
        {
            InstrumentId = s.InstrumentId,
            Area = s.Area,
            Description = s.Description,
            AlreadyRecorded = s.AlreadyRecorded,
            Party = s.Party,
            Caveats = { s.Caveats },
        }));
        return response;
    }
}
