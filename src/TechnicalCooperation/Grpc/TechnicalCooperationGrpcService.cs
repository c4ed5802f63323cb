using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.MemberStates;
using TocMesh.TechnicalCooperation.Application;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;
using Course = TocMesh.TechnicalCooperation.Domain.Course;
using FundingSummary = TocMesh.TechnicalCooperation.Domain.FundingSummary;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>
/// The contract's endpoints: read the request into domain records, authorize, call the stores and the
/// domain rules, answer. The secretariat edits the toolkit and funding; a state's editor files that
/// state's needs and requests.
/// </summary>
public sealed class TechnicalCooperationGrpcService(
    ToolkitStore toolkit,
    NeedsStore needs,
    CurriculumRequestStore requests,
    FundingStore funding,
    MemberStateRegister memberStates,
    IContactDirectory contacts,
    ITreatyStatusSource treaty,
    Currencies currencies,
    TimeProvider clock) : TechnicalCooperationService.TechnicalCooperationServiceBase
{
    private DateOnly Today => clock.Today();

    // ---- The toolkit ----

    public override async Task<CreateCourseResponse> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("add a course to the toolkit");
        var v = new FieldViolations();
        var course = new Course();
        MessageReader.ApplyCourseFields(request.Course, course, MessageReader.CourseFields, v);
        var requestId = MessageReader.RequestId(request.RequestId, v);
        v.ThrowIfAny();
        var contact = await EnsureContactAsync(course.PointOfContact, context.CancellationToken);

        var saved = await toolkit.CreateAsync(course, requestId, context.CancellationToken);
        return new CreateCourseResponse { Course = saved.ToMessage(contact ?? await ResolveAsync(saved, context.CancellationToken)) };
    }

    public override async Task<UpdateCourseResponse> UpdateCourse(UpdateCourseRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("change a course of the toolkit");
        var v = new FieldViolations();
        var id = v.Try(() => ResourceNames.ParseCourse(request.Course?.Name, "course.name"));
        var paths = request.UpdateMask is { Paths.Count: > 0 } mask ? mask.Paths.Distinct().ToList() : MessageReader.CourseFields.ToList();
        var changes = new Course();
        MessageReader.ApplyCourseFields(request.Course, changes, paths, v);
        v.ThrowIfAny();
        var contact = paths.Contains("point_of_contact") ? await EnsureContactAsync(changes.PointOfContact, context.CancellationToken) : null;

        var saved = await toolkit.UpdateAsync(id, request.Course!.Etag, course => Copy(changes, course, paths), context.CancellationToken);
        return new UpdateCourseResponse { Course = saved.ToMessage(contact ?? await ResolveAsync(saved, context.CancellationToken)) };
    }

    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var course = await toolkit.GetAsync(ResourceNames.ParseCourse(request.Name, "name"), context.CancellationToken);
        var response = new GetCourseResponse { Course = course.ToMessage(await ResolveAsync(course, context.CancellationToken)) };
        response.Editions.AddRange(course.Editions.Select(e => e.ToMessage()));
        return response;
    }

    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var area = Vocabulary.NormalizeSlug(request.ThematicArea, "thematic_area", v, required: false);
        var audience = Vocabulary.NormalizeSlug(request.Audience, "audience", v, required: false);
        var language = request.Language.Trim().ToLowerInvariant();
        v.Check(Enum.IsDefined((Domain.CourseDelivery)request.Delivery), "delivery", "is not a known delivery");
        v.Check(Enum.IsDefined((Domain.CourseKind)request.Kind), "kind", "is not a known kind");
        var provider = request.Provider.Trim();
        v.ThrowIfAny();

        var matching = (await toolkit.AllAsync(context.CancellationToken))
            .Where(c => area is null || c.Covers(area))
            .Where(c => audience is null || c.IsFor(audience))
            .Where(c => language.Length == 0 || c.Languages.Contains(language))
            .Where(c => request.Delivery == V1.CourseDelivery.Unspecified || c.Delivery == (Domain.CourseDelivery)request.Delivery)
            .Where(c => request.Kind == V1.CourseKind.Unspecified || c.Kind == (Domain.CourseKind)request.Kind)
            .Where(c => provider.Length == 0 || string.Equals(c.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var (items, next) = page.Take(matching, c => Key(c.Id));
        var resolved = await ResolveAllAsync(items, context.CancellationToken);
        var response = new ListCoursesResponse { NextPageToken = next, TotalSize = matching.Count };
        response.Courses.AddRange(items.Select(c => c.ToMessage(c.PointOfContact is null ? null : resolved[c.PointOfContact])));
        return response;
    }

    public override async Task<RecordEditionResponse> RecordEdition(RecordEditionRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("record an edition of a course");
        var v = new FieldViolations();
        var courseId = v.Try(() => ResourceNames.ParseCourse(request.Parent, "parent"));
        var edition = MessageReader.ToEdition(request.Edition, v);
        var requestId = MessageReader.RequestId(request.RequestId, v);
        v.ThrowIfAny();
        for (var i = 0; i < edition.Participants.Count; i++)
        {
            try
            {
                await memberStates.EnsureMemberAsync(edition.Participants[i].StateCode, $"edition.participants[{i}].state_code", context.CancellationToken);
            }
            catch (ValidationException e)
            {
                foreach (var violation in e.Violations)
                {
                    v.Add(violation.Field, violation.Description);
                }
            }
        }

        v.ThrowIfAny();
        var saved = await toolkit.RecordEditionAsync(courseId, edition, requestId, context.CancellationToken);
        return new RecordEditionResponse { Edition = saved.ToMessage() };
    }

    // ---- Requests of states ----

    public override async Task<RequestCurriculumResponse> RequestCurriculum(RequestCurriculumRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("request a curriculum");
        var source = request.CurriculumRequest ?? throw new ValidationException("curriculum_request", "is required");
        var state = await memberStates.EnsureMemberAsync(source.StateCode, "curriculum_request.state_code", context.CancellationToken);
        caller.EnsureMayWriteFor(state, "file a curriculum request");

        var v = new FieldViolations();
        var curriculumRequest = MessageReader.ToCurriculumRequest(source, state, Today, v);
        var requestId = MessageReader.RequestId(request.RequestId, v);
        v.ThrowIfAny();
        if (curriculumRequest.CourseId is { } courseId && !(await toolkit.AllAsync(context.CancellationToken)).Any(c => c.Id == courseId))
        {
            throw new ValidationException("curriculum_request.course", $"there is no course {ResourceNames.Course(courseId)}");
        }

        var saved = await requests.CreateAsync(curriculumRequest, requestId, context.CancellationToken);
        return new RequestCurriculumResponse { CurriculumRequest = saved.ToMessage() };
    }

    public override async Task<ListCurriculumRequestsResponse> ListCurriculumRequests(ListCurriculumRequestsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = request.StateCode.Length == 0 ? null : v.Try(() => StateCodes.Normalize(request.StateCode, "state_code"));
        v.Check(Enum.IsDefined((Domain.CurriculumRequestStatus)request.Status), "status", "is not a known status");
        v.ThrowIfAny();

        var matching = (await requests.AllAsync(context.CancellationToken))
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

        var saved = await requests.AnswerAsync(id, answer, answeredOn, context.CancellationToken);
        return new ResolveCurriculumRequestResponse { CurriculumRequest = saved.ToMessage() };
    }

    // ---- Needs ----

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
        var requestId = MessageReader.RequestId(request.RequestId, v);
        v.ThrowIfAny();

        var saved = await needs.RecordAsync(need, requestId, context.CancellationToken);
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

        var need = await needs.GetAsync(id, context.CancellationToken);
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
            var (course, edition) = await toolkit.FindEditionAsync(courseId, editionId, "edition", context.CancellationToken);
            if (!course.Covers(need.Area))
            {
                throw new RuleViolationException("EDITION_DOES_NOT_ANSWER_AREA", edition.Name,
                    $"{course.Name} does not cover the area {need.Area} of {need.Name}.");
            }

            if (need.StateCode is { } state && edition.Participants.Count > 0 && edition.Participants.All(p => p.StateCode != state))
            {
                throw new RuleViolationException("EDITION_WITHOUT_STATE", edition.Name,
                    $"No participant of {state} took part in {edition.Name}.");
            }

            v.Check(edition.StartDate <= resolvedOn, "resolved_on", $"is before the edition started ({edition.StartDate:yyyy-MM-dd})");
            v.ThrowIfAny();
        }

        var saved = await needs.ResolveAsync(id, resolvedOn, editionRef, note, context.CancellationToken);
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

        var matching = (await needs.AllAsync(context.CancellationToken))
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
        var scope = (await needs.AllAsync(context.CancellationToken))
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

    // ---- Funding ----

    public override async Task<RecordFundingResponse> RecordFunding(RecordFundingRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("record funding");
        var v = new FieldViolations();
        var record = MessageReader.ToFunding(request.Funding, currencies, v);
        var requestId = MessageReader.RequestId(request.RequestId, v);
        v.ThrowIfAny();

        var saved = await funding.RecordAsync(record, requestId, context.CancellationToken);
        return new RecordFundingResponse { Funding = saved.ToMessage() };
    }

    public override async Task<ListFundingResponse> ListFunding(ListFundingRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var area = Vocabulary.NormalizeSlug(request.WorkArea, "work_area", v, required: false);
        v.Check(Enum.IsDefined((Domain.FundingSource)request.Source), "source", "is not a known source");
        v.ThrowIfAny();

        var matching = (await funding.AllAsync(context.CancellationToken))
            .Where(f => area is null || f.WorkArea == area)
            .Where(f => request.Source == V1.FundingSource.Unspecified || f.Source == (Domain.FundingSource)request.Source);
        var (items, next) = page.Take(matching, f => Key(f.Id));
        var response = new ListFundingResponse { NextPageToken = next };
        response.Funding.AddRange(items.Select(f => f.ToMessage()));
        return response;
    }

    public override async Task<GetFundingSummaryResponse> GetFundingSummary(GetFundingSummaryRequest request, ServerCallContext context)
    {
        var summary = FundingSummary.Compute(await funding.AllAsync(context.CancellationToken), await needs.AllAsync(context.CancellationToken));
        var response = new GetFundingSummaryResponse();
        response.Areas.AddRange(summary.Areas.Select(a =>
        {
            var area = new V1.WorkAreaFunding { WorkArea = a.WorkArea, UnstatedAmountCount = a.UnstatedAmountCount, Funded = a.Funded };
            area.Totals.AddRange(a.Totals.Select(t => t.ToMessage(currencies)));
            return area;
        }));
        response.UnfundedAreas.AddRange(summary.UnfundedAreas.Select(u => new V1.UnfundedArea { WorkArea = u.WorkArea, FundsSought = u.FundsSought, OpenNeedCount = u.OpenNeedCount }));
        response.Totals.AddRange(summary.Totals.Select(t => t.ToMessage(currencies)));
        return response;
    }

    // ---- Matching ----

    public override async Task<RecommendCoursesResponse> RecommendCourses(RecommendCoursesRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var audience = Vocabulary.NormalizeSlug(request.Audience, "audience", v, required: false);
        v.Check(request.MaxResults is >= 0 and <= 100, "max_results", "must be between 0 (the default, 10) and 100");
        v.ThrowIfAny();
        var state = await memberStates.EnsureMemberAsync(request.StateCode, "state_code", context.CancellationToken);

        var courses = await toolkit.AllAsync(context.CancellationToken);
        var recommendations = Matching.Recommend(
            state, courses, await needs.AllAsync(context.CancellationToken), request.IncludeHemisphereNeeds, audience,
            request.MaxResults == 0 ? 10 : request.MaxResults);
        var resolved = await ResolveAllAsync(recommendations.Select(r => r.Course).ToList(), context.CancellationToken);
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

        var scope = (await needs.AllAsync(context.CancellationToken))
            .Where(n => state is null || n.StateCode == state)
            .Where(n => area is null || n.Area == area);
        var uncovered = Matching.Uncovered(await toolkit.AllAsync(context.CancellationToken), scope, request.DeliveredCoursesOnly);
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

        var standings = await treaty.GetStateStatusAsync(state, asOf!.Value, context.CancellationToken);
        var suggestions = TreatyNeeds.Suggest(state, asOf.Value, standings, await needs.AllAsync(context.CancellationToken));
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

    public override async Task<ListSourceDocumentsResponse> ListSourceDocuments(ListSourceDocumentsRequest request, ServerCallContext context)
    {
        var response = new ListSourceDocumentsResponse();
        response.SourceDocuments.AddRange((await funding.SourceDocumentsAsync(context.CancellationToken)).Select(d => d.ToMessage()));
        return response;
    }

    // ---- Helpers ----

    /// <summary>Paging keys sort as the ids do.</summary>
    private static string Key(long id) => id.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A point of contact must exist in the Directory; when the Directory is down it cannot be checked.</summary>
    private async Task<ContactLookup?> EnsureContactAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return null;
        }

        var lookup = await contacts.LookupAsync(name, cancellationToken);
        return lookup.Outcome switch
        {
            ContactLookupOutcome.Found => lookup,
            ContactLookupOutcome.NotFound => throw new ValidationException("course.point_of_contact", $"the Directory has no contact {name}"),
            _ => throw new DependencyUnavailableException(MeshResources.Directory, "The Directory cannot be reached to check the point of contact; retry shortly."),
        };
    }

    private async Task<ContactLookup?> ResolveAsync(Course course, CancellationToken cancellationToken) =>
        course.PointOfContact is null ? null : await contacts.LookupAsync(course.PointOfContact, cancellationToken);

    private async Task<IReadOnlyDictionary<string, ContactLookup>> ResolveAllAsync(IReadOnlyList<Course> courses, CancellationToken cancellationToken)
    {
        var names = courses.Select(c => c.PointOfContact).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var lookups = await Task.WhenAll(names.Select(n => contacts.LookupAsync(n, cancellationToken)));
        return lookups.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    private static void Copy(Course from, Course to, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title": to.Title = from.Title; break;
                case "kind": to.Kind = from.Kind; break;
                case "description": to.Description = from.Description; break;
                case "thematic_areas": to.ThematicAreas = from.ThematicAreas; break;
                case "audiences": to.Audiences = from.Audiences; break;
                case "languages": to.Languages = from.Languages; break;
                case "delivery": to.Delivery = from.Delivery; break;
                case "duration_hours": to.DurationHours = from.DurationHours; break;
                case "curriculum_available": to.CurriculumAvailable = from.CurriculumAvailable; break;
                case "provider": to.Provider = from.Provider; break;
                case "point_of_contact": to.PointOfContact = from.PointOfContact; break;
                case "source_document": to.SourceDocument = from.SourceDocument; break;
            }
        }
    }
}
