using Grpc.Health.V1;
using TocMesh.Directory.V1;
using TocMesh.Treaty.V1;

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
    public async Task A_call_into_treaty_that_checks_a_state_with_directory_is_one_trace_across_both()
    {
        var treaty = new TreatyService.TreatyServiceClient(mesh.Channel("treaty"));
        await treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "MEX" }, deadline: DateTime.UtcNow.AddSeconds(30));

        var trace = await mesh.Traces.WaitForTraceAcrossAsync(TimeSpan.FromSeconds(30), "treaty", "directory");

        Assert.NotEmpty(trace);
        var treatyServer = Assert.Single(trace, s => s.Service == "treaty" && s.Name.Contains("GetStateStatus", StringComparison.Ordinal) && s.ParentSpanId.Length == 0);
        Assert.Contains(trace, s => s.Service == "directory" && s.Name.Contains("ListMemberStates", StringComparison.Ordinal));
        Assert.All(trace, s => Assert.Equal(treatyServer.TraceId, s.TraceId));
    }
}
