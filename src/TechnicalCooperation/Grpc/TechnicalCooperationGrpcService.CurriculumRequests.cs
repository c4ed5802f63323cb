using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>Requests of states to the toolkit, and the Secretariat's answers.</summary>
public sealed partial class TechnicalCooperationGrpcService
{
    public override async Task<RequestCurriculumResponse> RequestCurriculum(RequestCurriculumRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("request a curriculum");
        var source = request.CurriculumRequest ?? throw new ValidationException("curriculum_request", "is required");
        var state = await memberStates.EnsureMemberAsync(source.StateCode, "curriculum_request.state_code", context.CancellationToken);
        caller.EnsureMayWriteFor(state, "file a curriculum request");

        var v = new FieldViolations();
        var curriculumRequest = MessageReader.ToCurriculumRequest(source, state, Today, v);
        var key = IdempotencyKey.Of(context, request, v);
        v.ThrowIfAny();
        if (curriculumRequest.CourseId is { } courseId && !(await Toolkit.AllAsync(context.CancellationToken)).Any(c => c.Id == courseId))
        {
            throw new ValidationException("curriculum_request.course", $"there is no course {ResourceNames.Course(courseId)}");
        }

        var saved = await Requests.CreateAsync(curriculumRequest, key, context.CancellationToken);
        return new RequestCurriculumResponse { CurriculumRequest = saved.ToMessage() };
    }

    public override async Task<ListCurriculumRequestsResponse> ListCurriculumRequests(ListCurriculumRequestsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = request.StateCode.Length == 0 ? null : v.Try(() => StateCodes.Normalize(request.StateCode, "state_code"));
        v.Check(Enum.IsDefined((Domain.CurriculumRequestStatus)request.Status), "status", "is not a known status");
        v.ThrowIfAny();

        var matching = (await Requests.AllAsync(context.CancellationToken))
            .Where(r => state is null || r.StateCode == state)
            .Where(r => request.Status == V1.CurriculumRequestStatus.Unspecified || r.Status == (Domain.CurriculumRequestStatus)request.Status);
        var (items, next) = page.Take(matching, r => Key(r.Id));
        var response = new ListCurriculumRequestsResponse { NextPageToken = next };
        response.CurriculumRequests.AddRange(items.Select(r => r.ToMessage()));
        return response;
    }

    public override async Task<ResolveCurriculumRequestResponse> ResolveCurriculumRequest(ResolveCurriculumRequestRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("answer a curriculum request");
        var v = new FieldViolations();
        var id = v.Try(() => ResourceNames.ParseCurriculumRequest(request.Name, "name"));
        var answer = Vocabulary.Text(request.Answer, "answer", 2000, v, required: true);
        var answeredOn = v.Try(() => request.AnsweredOn.ToDateOnlyOrNull("answered_on")) ?? Today;
        v.Check(answeredOn <= Today, "answered_on", "is in the future");
        v.ThrowIfAny();

        var saved = await Requests.AnswerAsync(id, answer, answeredOn, context.CancellationToken);
        return new ResolveCurriculumRequestResponse { CurriculumRequest = saved.ToMessage() };
    }
}
