using Google.Protobuf.WellKnownTypes;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;
using static TocMesh.TestSupport.AuthorizationMatrix;

namespace TocMesh.Meetings.Tests;

/// <summary>
/// Who may write what in Meetings: the Secretariat alone registers documents and keeps the work
/// program's follow-ups; a state's editor or a partner writes nothing here; every write needs a key;
/// a refused write changes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(MeetingsFixture fixture) : IClassFixture<MeetingsFixture>
{
    private const string FollowUpName = "meetings/gtdot-ii/follow-ups/distribute-components-summary";

    public static TheoryData<string, Writer> Matrix() => Cells(MeetingsService.Descriptor);

    private MeetingsService.MeetingsServiceClient Secretariat => fixture.Host.Meetings(TestKeys.Secretariat);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_write_is_allowed_only_to_the_callers_it_is_for(string method, Writer writer)
    {
        var client = (string? key) => fixture.Host.Meetings(key);
        switch (method)
        {
            case nameof(MeetingsService.MeetingsServiceClient.UpdateFollowUp):
            {
                var current = await FollowUpAsync();
                var status = current.Status == FollowUpStatus.InProgress ? FollowUpStatus.Done : FollowUpStatus.InProgress;
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).UpdateFollowUpAsync(new UpdateFollowUpRequest
                    {
                        FollowUp = new FollowUp { Name = FollowUpName, Etag = current.Etag, Status = status },
                        UpdateMask = FieldMask.FromString("status"),
                    }).ResponseAsync,
                    async () => (await FollowUpAsync()).ToString());
                break;
            }

            case nameof(MeetingsService.MeetingsServiceClient.RegisterDocument):
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).RegisterDocumentAsync(new RegisterDocumentRequest
                    {
                        RequestId = $"matrix-{writer}",
                        Document = new Document { Symbol = new DocumentSymbol { Normalized = $"GT/DOT-II/doc.{40 + (int)writer}/09" }, Title = $"Note ({writer})", MeetingId = "gtdot-ii" },
                    }).ResponseAsync,
                    async () => (await Secretariat.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 100 })).ToString());
                break;

            default:
                Assert.Fail($"{method} is a write of Meetings without a row in its authorization matrix.");
                break;
        }
    }

    [Fact]
    public void The_matrix_covers_every_write_of_the_contract()
    {
        Assert.Equal(["RegisterDocument", "UpdateFollowUp"], WriteMethods(MeetingsService.Descriptor));
    }

    private async Task<FollowUp> FollowUpAsync() =>
        (await Secretariat.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps.Single(f => f.Name == FollowUpName);
}
