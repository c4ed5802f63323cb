using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Meetings.Tests;

public class FollowUpTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Name = "meetings/gtdot-ii/follow-ups/distribute-components-summary";

    private static async Task<FollowUp> ReadAsync(MeetingsService.MeetingsServiceClient client) =>
        (await client.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps.Single(f => f.Name == Name);

    private static UpdateFollowUpRequest Update(string etag, FollowUpStatus status, params string[] paths) => new()
    {
        FollowUp = new FollowUp { Name = Name, Etag = etag, Status = status, DueDate = new ProtoDate { Year = 2010, Month = 3, Day = 31 } },
        UpdateMask = new FieldMask { Paths = { paths } },
    };

    [Fact]
    public async Task The_secretariat_marks_a_follow_up_done_and_the_next_read_sees_it()
    {
        using var host = new MeetingsHost(provider: Provider);
        var client = host.Meetings(TestKeys.Secretariat);
        var before = await ReadAsync(client);

        var updated = (await client.UpdateFollowUpAsync(Update(before.Etag, FollowUpStatus.Done, "status", "due_date"))).FollowUp;

        Assert.Equal(FollowUpStatus.Done, updated.Status);
        Assert.Equal(2010, updated.DueDate.Year);
        Assert.NotEqual(before.Etag, updated.Etag);
        var after = await ReadAsync(host.Meetings());
        Assert.Equal((FollowUpStatus.Done, updated.Etag), (after.Status, after.Etag));
        Assert.Equal("the Technical Secretariat", after.Owner);
    }

    [Fact]
    public async Task Two_updates_with_the_same_etag_one_wins_and_the_other_is_aborted()
    {
        using var host = new MeetingsHost(provider: Provider);
        var client = host.Meetings(TestKeys.Secretariat);
        var etag = (await ReadAsync(client)).Etag;

        await client.UpdateFollowUpAsync(Update(etag, FollowUpStatus.InProgress, "status"));
        await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => client.UpdateFollowUpAsync(Update(etag, FollowUpStatus.Cancelled, "status")).ResponseAsync);

        Assert.Equal(FollowUpStatus.InProgress, (await ReadAsync(client)).Status);
    }

    [Fact]
    public async Task Only_the_secretariat_updates_follow_ups()
    {
        using var host = new MeetingsHost(provider: Provider);
        var before = await ReadAsync(host.Meetings());
        var etag = before.Etag;

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => host.Meetings().UpdateFollowUpAsync(Update(etag, FollowUpStatus.Done, "status")).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.Meetings(TestKeys.Partner).UpdateFollowUpAsync(Update(etag, FollowUpStatus.Done, "status")).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.Meetings(TestKeys.MexicoEditor).UpdateFollowUpAsync(Update(etag, FollowUpStatus.Done, "status")).ResponseAsync);

        Assert.Equal(before, await ReadAsync(host.Meetings()));
    }

    [Fact]
    public async Task A_bad_update_names_every_faulty_field_and_changes_nothing()
    {
        using var host = new MeetingsHost(provider: Provider);
        var client = host.Meetings(TestKeys.Secretariat);
        var etag = (await ReadAsync(client)).Etag;

        var badRequest = await RpcAssert.InvalidArgumentAsync(
            () => client.UpdateFollowUpAsync(Update(etag, FollowUpStatus.Unspecified, "status", "description")).ResponseAsync,
            "update_mask", "follow_up.status");
        Assert.Equal(2, badRequest.FieldViolations.Count);
        await RpcAssert.InvalidArgumentAsync(() => client.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = Name, Etag = etag, DueDate = new ProtoDate { Year = 2010, Month = 2, Day = 30 } },
            UpdateMask = new FieldMask { Paths = { "due_date" } },
        }).ResponseAsync, "follow_up.due_date");
        await RpcAssert.InvalidArgumentAsync(() => client.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = "follow-ups/x", Etag = etag },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }).ResponseAsync, "follow_up.name");
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => client.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = "meetings/gtdot-ii/follow-ups/none", Etag = etag, Status = FollowUpStatus.Done },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }).ResponseAsync);

        var after = await ReadAsync(client);
        Assert.Equal((FollowUpStatus.Open, etag), (after.Status, after.Etag));
    }

    [Fact]
    public async Task The_seed_import_is_idempotent_and_a_follow_up_update_survives_a_restart()
    {
        string folder;
        string etag;
        using (var first = new MeetingsHost(provider: Provider))
        {
            folder = first.DataFolder;
            var client = first.Meetings(TestKeys.Secretariat);
            etag = (await client.UpdateFollowUpAsync(Update((await ReadAsync(client)).Etag, FollowUpStatus.Done, "status"))).FollowUp.Etag;
        }

        using var second = new MeetingsHost(dataFolder: folder, provider: Provider);
        var meetings = second.Meetings();
        var followUp = await ReadAsync(meetings);
        Assert.Equal((FollowUpStatus.Done, etag), (followUp.Status, followUp.Etag));
        Assert.Equal(2, (await meetings.ListMeetingsAsync(new ListMeetingsRequest())).Meetings.Count);
        Assert.Equal(52, (await meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii" })).Interventions.Count);
        Assert.Equal(8, (await meetings.ListDocumentsAsync(new ListDocumentsRequest { MeetingId = "gtdot-ii" })).Documents.Count);
    }
}

public sealed class FollowUpTestsOnPostgres : FollowUpTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
