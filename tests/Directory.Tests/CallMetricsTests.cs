using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

public sealed class CallMetricsTests
{
    [Fact]
    public async Task Each_call_is_counted_by_agency_method_and_status()
    {
        using var host = new DirectoryHost();
        // This host's meters only: calls of the other tests' hosts running meanwhile do not count here.
        using var metrics = new MetricRecorder(host.Services, "tocmesh.rpc.calls");

        await host.Directory(TestKeys.Partner).GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
        await Assert.ThrowsAsync<RpcException>(() => host.Directory().GetMemberStateAsync(new GetMemberStateRequest { Code = "ZZZ" }).ResponseAsync);

        var counted = metrics.Of("tocmesh.rpc.calls").Select(m => (m.Tag("agency"), m.Tag("method"), m.Tag("status"), m.Value)).ToList();
        Assert.Equal(
            [("UNODC", "/tocmesh.directory.v1.DirectoryService/GetMemberState", "OK", 1.0), ("anonymous", "/tocmesh.directory.v1.DirectoryService/GetMemberState", "NotFound", 1.0)],
            counted);
    }
}
