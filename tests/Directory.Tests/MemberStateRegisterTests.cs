using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Directory.Tests;

public sealed class MemberStateRegisterTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    private DirectoryService.DirectoryServiceClient Directory => fixture.Host.Directory();

    [Fact]
    public async Task The_register_holds_the_35_member_states_in_code_order()
    {
        var all = new List<MemberState>();
        var token = "";
        do
        {
            var page = await Directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 10, PageToken = token });
            Assert.Equal(35, page.TotalSize);
            all.AddRange(page.MemberStates);
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(35, all.Count);
        Assert.Equal(all.Select(s => s.Code).Order(StringComparer.Ordinal), all.Select(s => s.Code));
        Assert.Equal(35, all.Select(s => s.Code).Distinct().Count());
        var mexico = Assert.Single(all, s => s.Code == "MEX");
        Assert.Equal(("MX", "Mexico", "México"), (mexico.Iso2, mexico.NameEn, mexico.NameEs));
    }

    [Fact]
    public async Task A_page_size_over_100_is_capped_and_zero_means_the_default()
    {
        var capped = await Directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 1000 });
        Assert.Equal(35, capped.MemberStates.Count);
        Assert.Equal("", capped.NextPageToken);

        var defaulted = await Directory.ListMemberStatesAsync(new ListMemberStatesRequest());
        Assert.Equal(35, defaulted.MemberStates.Count);
    }

    [Theory]
    [InlineData(-1, "", "page_size")]
    [InlineData(10, "not-a-token", "page_token")]
    public async Task Bad_paging_input_is_refused_naming_the_field(int pageSize, string token, string field)
    {
        await RpcAssert.InvalidArgumentAsync(
            () => Directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = pageSize, PageToken = token }).ResponseAsync,
            field);
    }

    [Fact]
    public async Task Cuba_was_a_member_not_taking_part_at_the_second_meeting()
    {
        var cuba = (await Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "cub", AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } })).MemberState;

        Assert.Equal("CUB", cuba.Code);
        Assert.True(cuba.Member);
        Assert.Equal(Participation.NotParticipating, cuba.Participation);
        Assert.False(cuba.CountedInReports);
    }

    [Fact]
    public async Task Honduras_suspended_in_2009_stayed_a_member_and_is_counted()
    {
        var honduras = (await Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "HND", AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } })).MemberState;
        Assert.Equal(Participation.Suspended, honduras.Participation);
        Assert.True(honduras.Member);
        Assert.True(honduras.CountedInReports);

        var after = (await Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "HND", AsOf = new ProtoDate { Year = 2011, Month = 6, Day = 1 } })).MemberState;
        Assert.Equal(Participation.Participating, after.Participation);
    }

    [Theory]
    [InlineData(2019, 4, 26, true)]
    [InlineData(2019, 4, 27, false)]
    public async Task Venezuela_ceased_to_be_a_member_when_its_denunciation_took_effect(int year, int month, int day, bool member)
    {
        var venezuela = (await Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "VEN", AsOf = new ProtoDate { Year = year, Month = month, Day = day } })).MemberState;
        Assert.Equal(member, venezuela.Member);
        Assert.Equal(member ? Participation.Participating : Participation.Withdrawn, venezuela.Participation);
    }

    [Fact]
    public async Task An_unknown_state_is_not_found()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "FRA" }).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MX")]
    [InlineData("ME1")]
    public async Task A_malformed_state_code_is_invalid_argument_naming_the_field(string code)
    {
        var badRequest = await RpcAssert.InvalidArgumentAsync(() => Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = code }).ResponseAsync, "code");
        Assert.Single(badRequest.FieldViolations);
    }

    [Fact]
    public async Task An_impossible_as_of_date_is_invalid_argument()
    {
        await RpcAssert.InvalidArgumentAsync(
            () => Directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX", AsOf = new ProtoDate { Year = 2009, Month = 2, Day = 30 } }).ResponseAsync,
            "as_of");
    }

    [Fact]
    public async Task An_unknown_api_key_is_unauthenticated_even_for_a_read()
    {
        var client = fixture.Host.Directory(apiKey: "not-a-key");
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => client.ListMemberStatesAsync(new ListMemberStatesRequest()).ResponseAsync);
    }
}
