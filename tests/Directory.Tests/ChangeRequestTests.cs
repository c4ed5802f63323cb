using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public class ChangeRequestTests : IDisposable
{
    private static readonly string[] SecondMeetingStates = ["MEX", "PER", "PRY", "COL", "GTM", "CRI", "KNA", "ECU"];
    private readonly TestClock _clock = new(new DateTimeOffset(2010, 1, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHost _host;

    public ChangeRequestTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected ChangeRequestTests(DatabaseProvider provider) => _host = new DirectoryHost(provider: provider).WithClock(_clock);

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    private DirectoryService.DirectoryServiceClient Secretariat => _host.Directory(TestKeys.Secretariat);

    [Fact]
    public async Task The_second_meeting_opened_change_requests_for_the_seven_states_that_reported_changes_and_for_ecuador()
    {
        var requests = (await _host.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { SourceMeetingId = "gtdot-ii" })).ChangeRequests;

        Assert.Equal(SecondMeetingStates, requests.Select(r => r.StateCode));
        Assert.All(requests, r =>
        {
            Assert.Equal(ContactRole.NationalPointOfContact, r.Role);
            Assert.Equal("GT/DOT-II/doc.9/09", r.SourceDocument);
            Assert.Equal(Date(2009, 10, 7), r.OpenedOn);
            Assert.Equal(Date(2010, 1, 5), r.DueOn);
            Assert.Equal(ChangeRequestStatus.Open, r.Status);
            Assert.StartsWith("change-requests/", r.Name);
        });
        Assert.Contains("next few days", requests.Single(r => r.StateCode == "ECU").Description);
        Assert.Single((await _host.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = "kna" })).ChangeRequests);
        Assert.Empty((await _host.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { SourceMeetingId = "gtdot-i" })).ChangeRequests);
    }

    [Fact]
    public async Task Open_requests_become_overdue_after_their_due_date()
    {
        Assert.Empty((await _host.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { OverdueOnly = true })).ChangeRequests);

        _clock.Set(new DateTimeOffset(2010, 1, 6, 0, 0, 1, TimeSpan.Zero));
        var overdue = (await _host.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { OverdueOnly = true })).ChangeRequests;
        Assert.Equal(SecondMeetingStates, overdue.Select(r => r.StateCode));
    }

    [Fact]
    public async Task A_request_is_resolved_when_that_states_contact_for_that_role_changes_afterwards()
    {
        await Secretariat.CreateAsync(PointOfContact("MEX", ContactRole.Courses));
        await Secretariat.CreateAsync(PointOfContact("PER"));
        _clock.Set(new DateTimeOffset(2010, 1, 6, 8, 0, 0, TimeSpan.Zero));
        var mexico = await _host.Directory(TestKeys.MexicoEditor).CreateAsync(PointOfContact("MEX"), reason: "New point of contact");

        var all = (await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest())).ChangeRequests;
        var mex = all.Single(r => r.StateCode == "MEX");
        Assert.Equal(ChangeRequestStatus.Resolved, mex.Status);
        Assert.Equal(Date(2010, 1, 6), mex.ResolvedOn);
        Assert.Equal(mexico.Name, mex.ResolvedByContact);
        Assert.Equal(ChangeRequestStatus.Resolved, all.Single(r => r.StateCode == "PER").Status);
        Assert.All(all.Where(r => r.StateCode is not ("MEX" or "PER")), r => Assert.Equal(ChangeRequestStatus.Open, r.Status));

        var open = (await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { Status = ChangeRequestStatus.Open })).ChangeRequests;
        Assert.Equal(["PRY", "COL", "GTM", "CRI", "KNA", "ECU"], open.Select(r => r.StateCode));
        Assert.DoesNotContain((await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { OverdueOnly = true })).ChangeRequests, r => r.StateCode == "MEX");
    }

    [Fact]
    public async Task A_contact_recorded_before_a_request_was_opened_does_not_resolve_it_a_later_change_does()
    {
        var brazil = await Secretariat.CreateAsync(PointOfContact("BRA", ContactRole.MlaCentralAuthority));
        _clock.Set(new DateTimeOffset(2010, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var opened = (await _host.Directory(TestKeys.Secretariat).OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest
            {
                StateCode = "BRA",
                Role = ContactRole.MlaCentralAuthority,
                Description = "Announced a new central authority",
                DueOn = Date(2010, 2, 1),
            },
        })).ChangeRequest;
        Assert.Equal((Date(2010, 1, 5), ChangeRequestStatus.Open), (opened.OpenedOn, opened.Status));

        await Secretariat.RetireContactAsync(new RetireContactRequest { Name = brazil.Name, Etag = brazil.Etag });
        Assert.Equal(ChangeRequestStatus.Open, (await ListFor("BRA")).Single().Status);

        _clock.Set(new DateTimeOffset(2010, 1, 7, 10, 0, 0, TimeSpan.Zero));
        var successor = await Secretariat.CreateAsync(PointOfContact("BRA", ContactRole.MlaCentralAuthority));
        var resolved = (await ListFor("BRA")).Single();
        Assert.Equal((ChangeRequestStatus.Resolved, successor.Name), (resolved.Status, resolved.ResolvedByContact));
    }

    [Fact]
    public async Task A_bad_change_request_is_refused_naming_every_field_and_nothing_is_opened()
    {
        var badRequest = await RpcAssert.InvalidArgumentAsync(() => Secretariat.OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest
            {
                StateCode = "ARG",
                SourceMeetingId = "GT DOT II",
                OpenedOn = Date(2010, 1, 1),
                DueOn = Date(2009, 12, 1),
            },
        }).ResponseAsync, "change_request.role", "change_request.description", "change_request.source_meeting_id", "change_request.due_on");
        Assert.Equal(4, badRequest.FieldViolations.Count);
        Assert.Empty(await ListFor("ARG"));
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = "XYZ" }).ResponseAsync, "state_code");
    }

    [Fact]
    public async Task The_seeded_requests_are_not_duplicated_on_restart_and_a_resolved_one_stays_resolved()
    {
        await Secretariat.CreateAsync(PointOfContact("CRI"));
        var folder = _host.DataFolder;
        _host.Dispose();

        using var restarted = new DirectoryHost(folder, _host.Provider).WithClock(_clock);
        var requests = (await restarted.Directory().ListChangeRequestsAsync(new ListChangeRequestsRequest { SourceMeetingId = "gtdot-ii" })).ChangeRequests;
        Assert.Equal(SecondMeetingStates, requests.Select(r => r.StateCode));
        Assert.Equal(ChangeRequestStatus.Resolved, requests.Single(r => r.StateCode == "CRI").Status);
    }

    private async Task<List<ChangeRequest>> ListFor(string state) =>
        [.. (await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = state })).ChangeRequests];
}

public sealed class ChangeRequestTestsOnPostgres() : ChangeRequestTests(DatabaseProvider.Postgres);
