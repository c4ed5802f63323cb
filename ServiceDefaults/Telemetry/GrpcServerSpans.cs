using System.Diagnostics;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Names the server span of a gRPC call as the RPC semantic conventions do: by its method
/// (<c>tocmesh.example.v1.ExampleService/GetThing</c>, not <c>POST /tocmesh.example.v1.ExampleService/GetThing</c>),
/// with <c>rpc.system</c>, <c>rpc.service</c>, <c>rpc.method</c> and <c>rpc.grpc.status_code</c>.
/// The same method called as JSON over HTTP keeps its HTTP name.
/// </summary>
public static class GrpcServerSpans
{
    /// <summary>The tag grpc-dotnet sets on the request's activity with the call's status code.</summary>
    private const string GrpcStatusTag = "grpc.status_code";

    public static void Name(Activity activity, HttpContext context)
    {
        if (!context.Request.IsGrpc()
            || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc)
        {
            return;
        }

        var method = grpc.Method;
        activity.DisplayName = $"{method.ServiceName}/{method.Name}";
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", method.ServiceName);
        activity.SetTag("rpc.method", method.Name);
        if (activity.GetTagItem(GrpcStatusTag) is { } status
            && int.TryParse(Convert.ToString(status, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            activity.SetTag("rpc.grpc.status_code", code);
        }
    }
}
