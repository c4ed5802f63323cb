using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TocMesh.Directory.V1;
using TocMesh.Treaty.V1;

namespace TocMesh.Benchmarks;

/// <summary>
/// The baseline: grpc-dotnet with nothing else (no auth, no tracing, no cache, no database),
/// answering the same methods with the responses the real services gave, parsed once.
/// </summary>
public static class BareServer
{
    public static async Task RunAsync(int port, string responsesFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new Responses(responsesFolder));
        var app = builder.Build();
        app.MapGrpcService<BareDirectory>();
        app.MapGrpcService<BareTreaty>();
        await app.RunAsync();
    }

    public sealed class Responses(string folder)
    {
        public ListMemberStatesResponse MemberStates { get; } = Load(folder, "ListMemberStates", ListMemberStatesResponse.Parser);

        public GetRatificationReportResponse RatificationReport { get; } = Load(folder, "GetRatificationReport", GetRatificationReportResponse.Parser);

        public GetContactResponse Contact { get; } = Load(folder, "GetContact", GetContactResponse.Parser);

        private static T Load<T>(string folder, string name, MessageParser<T> parser) where T : IMessage<T> =>
            parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, name + ".bin")));
    }

    private sealed class BareDirectory(Responses responses) : DirectoryService.DirectoryServiceBase
    {
        public override Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context) =>
            Task.FromResult(responses.MemberStates);

        public override Task<GetContactResponse> GetContact(GetContactRequest request, ServerCallContext context) =>
            Task.FromResult(responses.Contact);
    }

    private sealed class BareTreaty(Responses responses) : TreatyService.TreatyServiceBase
    {
        public override Task<GetRatificationReportResponse> GetRatificationReport(GetRatificationReportRequest request, ServerCallContext context) =>
            Task.FromResult(responses.RatificationReport);
    }
}
