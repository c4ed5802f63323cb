using System.Net;
using Grpc.Core;
using TocMesh.Directory.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Directory.Tests;

/// <summary>Dates at both ends of the calendar are answered, never INTERNAL.</summary>
public sealed class CalendarEdgeTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    public static TheoryData<int, int, int> Ends => new() { { 1, 1, 1 }, { 9999, 12, 31 } };

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task The_directory_as_of_either_end_of_the_calendar_is_answered_as_json(int year, int month, int day)
    {
        var response = await fixture.Host.CreateClient().GetAsync($"/v1/directory?asOf.year={year}&asOf.month={month}&asOf.day={day}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task The_directory_recorded_as_of_either_end_of_the_calendar_is_answered(int year, int month, int day)
    {
        var end = new ProtoDate { Year = year, Month = month, Day = day };

        var response = await fixture.Host.Directory().GetDirectoryAsync(new GetDirectoryRequest { AsOf = end, RecordedAsOf = end });

        Assert.Equal(year, response.RecordedAsOf.Year);
    }
}
