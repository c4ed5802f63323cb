using Google.Protobuf;
using Grpc.Reflection.V1Alpha;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// The methods are bound through the wire-bytes binding (a shared cached response is written as the
/// bytes taken when it was cached): every surface still finds them, and the bytes are the response.
/// </summary>
public sealed class WireBytesTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    [Fact]
    public async Task A_cached_report_goes_out_as_the_same_bytes_each_call_and_they_are_the_whole_response()
    {
        var treaty = fixture.Host.Treaty();
        var request = new GetRatificationReportRequest { AsOf = new Google.Type.Date { Year = 2009, Month = 10, Day = 7 } };
        var first = await treaty.GetRatificationReportAsync(request);
        var second = await treaty.GetRatificationReportAsync(request);

        Assert.Equal(first.ToByteString(), second.ToByteString());
        Assert.Equal(first, second);
        Assert.Contains(first.Tallies, t => t.Sentence == "Twenty-nine OAS member states had ratified or acceded to the Convention.");
    }

    [Fact]
    public async Task Server_reflection_still_describes_the_service()
    {
        var reflection = fixture.Host.Client<ServerReflection.ServerReflectionClient>();
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "tocmesh.treaty.v1.TreatyService" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "tocmesh.treaty.v1.TreatyService");
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var file = Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Contains(file.Service, s => s.Name == "TreatyService" && s.Method.Any(m => m.Name == "GetRatificationReport"));
    }
}
