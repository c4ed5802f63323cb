using Course = TocMesh.TechnicalCooperation.Domain.Course;
using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>The toolkit: courses and the editions in which they were given.</summary>
public sealed partial class TechnicalCooperationGrpcService
{
    public override async Task<CreateCourseResponse> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("add a course to the toolkit");
        var v = new FieldViolations();
        var course = new Course();
        MessageReader.ApplyCourseFields(request.Course, course, MessageReader.CourseFields, v);
        var key = IdempotencyKey.Of(context, request, v);
        v.ThrowIfAny();
        var contact = await PointsOfContact.EnsureExistsAsync(course.PointOfContact, context.CancellationToken);

        var saved = await Toolkit.CreateAsync(course, key, context.CancellationToken);
        return new CreateCourseResponse { Course = saved.ToMessage(contact ?? await PointsOfContact.ResolveAsync(saved, context.CancellationToken)) };
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
        var contact = paths.Contains("point_of_contact") ? await PointsOfContact.EnsureExistsAsync(changes.PointOfContact, context.CancellationToken) : null;

        var saved = await Toolkit.UpdateAsync(id, request.Course!.Etag, course => Copy(changes, course, paths), context.CancellationToken);
        return new UpdateCourseResponse { Course = saved.ToMessage(contact ?? await PointsOfContact.ResolveAsync(saved, context.CancellationToken)) };
    }

    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var course = await Toolkit.GetAsync(ResourceNames.ParseCourse(request.Name, "name"), context.CancellationToken);
        var response = new GetCourseResponse { Course = course.ToMessage(await PointsOfContact.ResolveAsync(course, context.CancellationToken)) };
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

        var matching = (await Toolkit.AllAsync(context.CancellationToken))
            .Where(c => area is null || c.Covers(area))
            .Where(c => audience is null || c.IsFor(audience))
            .Where(c => language.Length == 0 || c.Languages.Contains(language))
            .Where(c => request.Delivery == V1.CourseDelivery.Unspecified || c.Delivery == (Domain.CourseDelivery)request.Delivery)
            .Where(c => request.Kind == V1.CourseKind.Unspecified || c.Kind == (Domain.CourseKind)request.Kind)
            .Where(c => provider.Length == 0 || string.Equals(c.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var (items, next) = page.Take(matching, c => Key(c.Id));
        var resolved = await PointsOfContact.ResolveAllAsync(items, context.CancellationToken);
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
        var key = IdempotencyKey.Of(context, request, v);
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
        var saved = await Toolkit.RecordEditionAsync(courseId, edition, key, context.CancellationToken);
        return new RecordEditionResponse { Edition = saved.ToMessage() };
    }

    /// <summary>Copies the fields an update mask names.</summary>
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
