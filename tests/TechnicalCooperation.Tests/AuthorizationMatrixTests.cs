using Google.Protobuf.WellKnownTypes;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using static TocMesh.TestSupport.AuthorizationMatrix;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// Who may write what in TechnicalCooperation: the Secretariat keeps the toolkit, its editions, the
/// funding and the answers to curriculum requests; a state's editor files and resolves its own
/// state's needs and asks for curricula; a partner writes nothing; every write needs a key; a
/// refused write changes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(TechCoopFixture fixture) : IClassFixture<TechCoopFixture>
{
    private const string Area = "authorization-matrix";

    public static TheoryData<string, Writer> Matrix() => Cells(TechnicalCooperationService.Descriptor);

    private TechnicalCooperationService.TechnicalCooperationServiceClient Secretariat => fixture.Host.TechCoop(TestKeys.Secretariat);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_write_is_allowed_only_to_the_callers_it_is_for(string method, Writer writer)
    {
        var client = (string? key) => fixture.Host.TechCoop(key);
        var requestId = $"matrix-{method}-{writer}";
        switch (method)
        {
            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.CreateCourse):
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).CreateCourseAsync(new CreateCourseRequest { RequestId = requestId, Course = Examples.Course($"Course ({writer})", [Area]) }).ResponseAsync,
                    CoursesAsync);
                break;

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.UpdateCourse):
            {
                var course = await CourseAsync(writer);
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).UpdateCourseAsync(new UpdateCourseRequest
                    {
                        Course = new Course { Name = course.Name, Etag = course.Etag, Title = "Renamed course" },
                        UpdateMask = FieldMask.FromString("title"),
                    }).ResponseAsync,
                    async () => (await Secretariat.GetCourseAsync(new GetCourseRequest { Name = course.Name })).ToString());
                break;
            }

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.RecordEdition):
            {
                var course = await CourseAsync(writer);
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).RecordEditionAsync(new RecordEditionRequest
                    {
                        Parent = course.Name,
                        RequestId = requestId,
                        Edition = new CourseEdition { StartDate = Examples.Date(2010, 6, 1), Place = "Mexico City", Participants = { new StateParticipants { StateCode = State, Count = 20 } } },
                    }).ResponseAsync,
                    async () => (await Secretariat.GetCourseAsync(new GetCourseRequest { Name = course.Name })).ToString());
                break;
            }

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.RequestCurriculum):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).RequestCurriculumAsync(new RequestCurriculumRequest
                    {
                        RequestId = requestId,
                        CurriculumRequest = new CurriculumRequest { StateCode = State, Kind = CurriculumRequestKind.PointOfContact, Description = $"Who teaches this? ({writer})" },
                    }).ResponseAsync,
                    CurriculumRequestsAsync);
                break;

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.ResolveCurriculumRequest):
            {
                var asked = (await Secretariat.RequestCurriculumAsync(new RequestCurriculumRequest
                {
                    RequestId = requestId + "-asked",
                    CurriculumRequest = new CurriculumRequest { StateCode = State, Kind = CurriculumRequestKind.PointOfContact, Description = $"To be answered ({writer})" },
                })).CurriculumRequest;
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).ResolveCurriculumRequestAsync(new ResolveCurriculumRequestRequest { Name = asked.Name, Answer = "Sent by mail." }).ResponseAsync,
                    CurriculumRequestsAsync);
                break;
            }

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.RecordNeed):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).RecordNeedAsync(new RecordNeedRequest { RequestId = requestId, Need = Examples.Need(State, Area) }).ResponseAsync,
                    NeedsAsync);
                break;

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.ResolveNeed):
            {
                var need = (await Secretariat.RecordNeedAsync(new RecordNeedRequest { RequestId = requestId + "-need", Need = Examples.Need(State, Area) })).Need;
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).ResolveNeedAsync(new ResolveNeedRequest { Name = need.Name, Note = "Answered by a national course" }).ResponseAsync,
                    NeedsAsync);
                break;
            }

            case nameof(TechnicalCooperationService.TechnicalCooperationServiceClient.RecordFunding):
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).RecordFundingAsync(new RecordFundingRequest
                    {
                        RequestId = requestId,
                        Funding = new Funding
                        {
                            Source = FundingSource.SpecificFund, Donor = "Example donor", WorkArea = Area, Status = FundingStatus.Received,
                            Amount = new Money { CurrencyCode = "USD", MinorUnits = 100_000 },
                        },
                    }).ResponseAsync,
                    async () => (await Secretariat.ListFundingAsync(new ListFundingRequest { WorkArea = Area, PageSize = 100 })).ToString());
                break;

            default:
                Assert.Fail($"{method} is a write of TechnicalCooperation without a row in its authorization matrix.");
                break;
        }
    }

    [Fact]
    public void The_matrix_covers_every_write_of_the_contract()
    {
        Assert.Equal(
            ["CreateCourse", "RecordEdition", "RecordFunding", "RecordNeed", "RequestCurriculum", "ResolveCurriculumRequest", "ResolveNeed", "UpdateCourse"],
            WriteMethods(TechnicalCooperationService.Descriptor));
    }

    private async Task<Course> CourseAsync(Writer writer) =>
        (await Secretariat.CreateCourseAsync(new CreateCourseRequest { Course = Examples.Course($"Target course ({writer})", [Area]) })).Course;

    private async Task<string> CoursesAsync() =>
        (await Secretariat.ListCoursesAsync(new ListCoursesRequest { ThematicArea = Area, PageSize = 100 })).ToString();

    private async Task<string> CurriculumRequestsAsync() =>
        (await Secretariat.ListCurriculumRequestsAsync(new ListCurriculumRequestsRequest { StateCode = State, PageSize = 100 })).ToString();

    private async Task<string> NeedsAsync() =>
        (await Secretariat.ListNeedsAsync(new ListNeedsRequest { StateCode = State, Area = Area, PageSize = 100 })).ToString();
}
