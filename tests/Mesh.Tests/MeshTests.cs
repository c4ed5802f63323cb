using Grpc.Health.V1;
using TocMesh.Directory.V1;
using TocMesh.Meetings.V1;

namespace TocMesh.Mesh.Tests;

[Collection(MeshCollection.Name)]
public sealed class MeshTests(MeshFixture mesh)
{
    [Fact]
    public async Task The_four_services_answer_serving_on_grpc_health()
    {
        foreach (var service in MeshFixture.Services)
        {
            var health = new Health.HealthClient(mesh.Channel(service));
            var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        }
    }

    [Fact]
    public async Task The_directory_in_the_mesh_lists_the_35_member_states()
    {
        var directory = new DirectoryService.DirectoryServiceClient(mesh.Channel("directory"));
        var response = await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(35, response.TotalSize);
        Assert.Equal(35, response.MemberStates.Count);
    }

    [Fact]
    public async Task A_meeting_report_is_one_trace_across_meetings_and_the_three_services_it_calls()
    {
        var since = DateTimeOffset.UtcNow;
        var meetings = new MeetingsService.MeetingsServiceClient(mesh.Channel("meetings"));
        var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Empty(report.PartialSections);

        var trace = await mesh.Telemetry.WaitForTraceAsync(since, TimeSpan.FromSeconds(30),
            t => t.Any(s => s.Service == "meetings" && s.IsRoot && s.Name.Contains("RenderMeetingReport", StringComparison.Ordinal))
                 && new[] { "treaty", "directory", "techcoop" }.All(service => t.Any(s => s.Service == service)));

        Assert.NotEmpty(trace);
        Assert.Contains(trace, s => s.Service == "treaty" && s.Name.Contains("GetRatificationReport", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Service == "directory" && s.Name.Contains("ListChangeRequests", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Service == "techcoop");
    }

    [Fact]
    public async Task The_report_in_the_mesh_carries_treaty_figures_for_the_meeting_date()
    {
        var meetings = new MeetingsService.MeetingsServiceClient(mesh.Channel("meetings"));
        var report = await meetings.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Empty(report.PartialSections);
        Assert.Contains("Twenty-nine OAS member states had ratified or acceded to the Convention.", report.Content, StringComparison.Ordinal);
    }
}
