using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// "Today" in the Directory is the day of its registered clock, in every read that defaults to it
/// and every write that checks against it: moving the clock moves them all.
/// </summary>
public sealed class TodayTests : IDisposable
{
    private readonly TestClock _clock = new(new DateTimeOffset(2019, 4, 26, 23, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHost _host;

    public TodayTests() => _host = new DirectoryHost().WithClock(_clock);

    public void Dispose() => _host.Dispose();

    private DirectoryService.DirectoryServiceClient Secretariat => _host.Directory(TestKeys.Secretariat);

    [Fact]
    public async Task Reads_without_a_date_answer_for_the_clocks_day_and_follow_it_to_the_next()
    {
        // Venezuela's denunciation of the Charter took effect on 27 April 2019.
        await AssertTodayAsync(Date(2019, 4, 26), venezuelaIsMember: true, members: 35);

        _clock.Set(new DateTimeOffset(2019, 4, 27, 1, 0, 0, TimeSpan.Zero));
        await AssertTodayAsync(Date(2019, 4, 27), venezuelaIsMember: false, members: 34);
    }

    [Fact]
    public async Task Writes_are_checked_against_the_clocks_day_and_follow_it()
    {
        _clock.Set(new DateTimeOffset(2010, 1, 4, 10, 0, 0, TimeSpan.Zero));

        // A change request opened without a date is opened today, and due 90 days later.
        var opened = (await Secretariat.OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest { StateCode = "BRA", Role = ContactRole.Courses, Description = "A new course contact announced" },
        })).ChangeRequest;
        Assert.Equal((Date(2010, 1, 4), Date(2010, 4, 4)), (opened.OpenedOn, opened.DueOn));
        await RpcAssert.InvalidArgumentAsync(() => Secretariat.OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest { StateCode = "BRA", Role = ContactRole.Courses, Description = "Announced tomorrow", OpenedOn = Date(2010, 1, 5) },
        }).ResponseAsync, "change_request.opened_on");

        // A contact cannot have been verified tomorrow; once the clock reaches that day, it can.
        var contact = PointOfContact("BRA");
        contact.LastVerified = Date(2010, 1, 5);
        await RpcAssert.InvalidArgumentAsync(() => Secretariat.CreateContactAsync(new CreateContactRequest { Contact = contact }).ResponseAsync, "contact.last_verified");
        Assert.Empty((await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { OverdueOnly = true })).ChangeRequests);

        _clock.Set(new DateTimeOffset(2010, 1, 6, 0, 0, 1, TimeSpan.Zero));
        var created = await Secretariat.CreateAsync(contact);
        Assert.Equal(Date(2010, 1, 5), created.LastVerified);

        // The second meeting's requests were due on 5 January 2010: on the 6th they are overdue.
        Assert.Equal(8, (await Secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { OverdueOnly = true })).ChangeRequests.Count);

        // Retired without an end date: it ends today.
        var retired = (await Secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = created.Etag })).Contact;
        Assert.Equal(Date(2010, 1, 6), retired.ValidTo);
    }

    private async Task AssertTodayAsync(Google.Type.Date today, bool venezuelaIsMember, int members)
    {
        var directory = _host.Directory();

        var venezuela = (await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "VEN" })).MemberState;
        Assert.Equal((today, venezuelaIsMember), (venezuela.AsOf, venezuela.Member));

        var listed = (await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 })).MemberStates.Single(s => s.Code == "VEN");
        Assert.Equal((today, venezuelaIsMember), (listed.AsOf, listed.Member));

        Assert.Equal(today, (await directory.GetDirectoryAsync(new GetDirectoryRequest())).AsOf);

        var document = (await directory.RenderDirectoryAsync(new RenderDirectoryRequest())).Document;
        Assert.Contains($"As of {today.Day} April 2019: 0 of {members} member states have reported contacts.", document);
        Assert.Equal(venezuelaIsMember, document.Contains("## Venezuela (VEN)", StringComparison.Ordinal));
    }
}
