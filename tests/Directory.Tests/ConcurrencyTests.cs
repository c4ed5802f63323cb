using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public class ConcurrencyTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    private DirectoryService.DirectoryServiceClient Secretariat => fixture.Host.Directory(TestKeys.Secretariat);

    [Fact]
    public async Task Of_two_updates_carrying_the_same_etag_one_wins_and_the_other_is_aborted()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("HTI"));
        Task<UpdateContactResponse> Update(string office) => Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = office },
            UpdateMask = Mask("office"),
        }).ResponseAsync;

        var first = Update("Office A");
        var second = Update("Office B");
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.Single(outcomes, o => o == StatusCode.Aborted);
        var history = await Secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name });
        Assert.Equal(2, history.Revisions.Count);
        var winner = outcomes[0] == StatusCode.OK ? "Office A" : "Office B";
        Assert.Equal(winner, (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_after_someone_else_changed_the_contact()
    {
        var created = await Secretariat.CreateAsync(PointOfContact("JAM"));
        await Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "First change" },
            UpdateMask = Mask("office"),
        });

        var e = await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => Secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "Second change" },
            UpdateMask = Mask("office"),
        }).ResponseAsync);
        Assert.Equal("ETAG_MISMATCH", e.ErrorInfo()?.Reason);
        await RpcAssert.ThrowsAsync(StatusCode.Aborted,
            () => Secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = created.Etag }).ResponseAsync);
        Assert.Equal("First change", (await Secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
    }

    [Fact]
    public async Task A_create_retried_with_the_same_request_id_creates_the_contact_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await Secretariat.CreateAsync(PointOfContact("LCA"), requestId);
        var retried = await Secretariat.CreateAsync(PointOfContact("LCA"), requestId);

        Assert.Equal(first.Name, retried.Name);
        Assert.Single(await Secretariat.AllOfStateAsync("LCA"));
    }

    [Fact]
    public async Task Concurrent_creates_with_the_same_request_id_create_the_contact_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var calls = Enumerable.Range(0, 8)
            .Select(_ => fixture.Host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("VCT"), requestId))
            .ToList();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(results.Select(c => c.Name).Distinct());
        Assert.Single(await Secretariat.AllOfStateAsync("VCT"));
        Assert.Single((await Secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = results[0].Name })).Revisions);
    }

    [Fact]
    public async Task A_change_request_retried_with_the_same_request_id_is_opened_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var request = new OpenChangeRequestRequest
        {
            RequestId = requestId,
            ChangeRequest = new ChangeRequest { StateCode = "SUR", Role = ContactRole.MlaCentralAuthority, Description = "New central authority announced" },
        };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Secretariat.OpenChangeRequestAsync(request).ResponseAsync));

        Assert.Single(results.Select(r => r.ChangeRequest.Name).Distinct());
        Assert.Single((await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = "SUR" })).ChangeRequests);
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}

public sealed class ConcurrencyTestsOnPostgres(PostgresDirectoryFixture fixture) : ConcurrencyTests(fixture), IClassFixture<PostgresDirectoryFixture>;
