using Grpc.Core;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.TechnicalCooperation.Tests;

public class CurriculumRequestTests(TechCoopFixture fixture) : IClassFixture<TechCoopFixture>
{
    [Fact]
    public async Task A_state_asks_for_a_curriculum_and_the_secretariat_answers()
    {
        var secretariat = fixture.Host.TechCoop(TestKeys.Secretariat);
        var peru = fixture.Host.TechCoop(TestKeys.PeruEditor);
        var course = (await secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course("Curriculum course", ["curriculum-area"]) })).Course;

        var asked = (await peru.RequestCurriculumAsync(new RequestCurriculumRequest
        {
            CurriculumRequest = new CurriculumRequest { StateCode = "PER", Kind = CurriculumRequestKind.Curriculum, Course = course.Name, Description = "Please send the curriculum." },
        })).CurriculumRequest;
        Assert.Equal((CurriculumRequestStatus.Open, course.Name), (asked.Status, asked.Course));

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => peru.RequestCurriculumAsync(new RequestCurriculumRequest { CurriculumRequest = new CurriculumRequest { StateCode = "MEX", Kind = CurriculumRequestKind.PointOfContact, Description = "x" } }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => peru.ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "self-answered" }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(
            () => peru.RequestCurriculumAsync(new RequestCurriculumRequest { CurriculumRequest = new CurriculumRequest { StateCode = "PER", Kind = CurriculumRequestKind.Curriculum, Description = "" } }).ResponseAsync,
            "curriculum_request.course", "curriculum_request.description");
        await RpcAssert.InvalidArgumentAsync(
            () => peru.RequestCurriculumAsync(new RequestCurriculumRequest { CurriculumRequest = new CurriculumRequest { StateCode = "PER", Kind = CurriculumRequestKind.Curriculum, Course = "courses/999999", Description = "x" } }).ResponseAsync,
            "curriculum_request.course");

        var open = (await fixture.Host.TechCoop().ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest { StateCode = "PER", Status = CurriculumRequestStatus.Open })).CurriculumRequests;
        Assert.Equal([asked.Name], open.Select(r => r.Name));

        var answered = (await secretariat.ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "Sent by e-mail." })).CurriculumRequest;
        Assert.Equal((CurriculumRequestStatus.Answered, "Sent by e-mail."), (answered.Status, answered.Answer));
        Assert.Empty((await fixture.Host.TechCoop().ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest { StateCode = "PER", Status = CurriculumRequestStatus.Open })).CurriculumRequests);
        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => secretariat.ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "again" }).ResponseAsync);
    }
}

public sealed class CurriculumRequestTestsOnPostgres(PostgresTechCoopFixture fixture) : CurriculumRequestTests(fixture), IClassFixture<PostgresTechCoopFixture>;
