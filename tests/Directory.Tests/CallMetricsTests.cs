using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

public sealed class CallMetricsTests
{
    [Fact]
    public async Task Each_call_is_counted_by_agency_method_and_status()
    {
        var seen = new ConcurrentBag<(string Agency, string Method, string Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "tocmesh.rpc.calls" && instrument.Meter.Name == "TocMesh.Directory")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(k => k.Key, k => k.Value?.ToString() ?? "");
            seen.Add((t["agency"], t["method"], t["status"]));
        });
        listener.Start();

        using var host = new DirectoryHost();
        await host.Directory(TestKeys.Partner).GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => host.Directory().GetMemberStateAsync(new GetMemberStateRequest { Code = "ZZZ" }).ResponseAsync);

        Assert.Contains(("UNODC", "/tocmesh.directory.v1.DirectoryService/GetMemberState", "OK"), seen);
        Assert.Contains(("anonymous", "/tocmesh.directory.v1.DirectoryService/GetMemberState", "NotFound"), seen);
    }
}
