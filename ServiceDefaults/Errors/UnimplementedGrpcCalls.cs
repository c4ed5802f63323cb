using System.Collections.Frozen;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// UNIMPLEMENTED for a gRPC call to a method or a service this server does not have, as grpc-dotnet
/// answers it ("Method is unimplemented." for a known service, "Service is unimplemented." otherwise),
/// decided once routing has found no endpoint for the call. grpc-dotnet answers these through catch-all
/// routes (<c>{service}/{method}</c>, and <c>&lt;service&gt;/{method}</c> for each service) that the
/// router also visits for every known method: it cut both names out of the path and made route values
/// of them on every call (12 % of the bytes a cached contact read allocated). The services turn those
/// routes off (<c>IgnoreUnknownServices</c>) and this answers in their place.
/// </summary>
public sealed partial class UnimplementedGrpcCalls(RequestDelegate next, EndpointDataSource endpoints, ILogger<UnimplementedGrpcCalls> logger)
{
    private FrozenSet<string>? _services;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null
            || !HttpMethods.IsPost(context.Request.Method)
            || !context.Request.IsGrpc()
            || !TrySplit(context.Request.Path.Value, out var service, out var method))
        {
            return next(context);
        }

        var knownService = (_services ??= KnownServices()).Contains(service);
        if (knownService)
        {
            LogMethodUnimplemented(logger, service, method);
        }
        else
        {
            LogServiceUnimplemented(logger, service);
        }

        // A trailers-only answer: the status goes in the headers of a response without a body.
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = "12";
        response.Headers["grpc-message"] = knownService ? "Method is unimplemented." : "Service is unimplemented.";
        return Task.CompletedTask;
    }

    /// <summary>A gRPC path has two segments, <c>/package.Service/Method</c>; anything else is no call at all (404).</summary>
    private static bool TrySplit(string? path, out string service, out string method)
    {
        service = method = "";
        if (path is not { Length: > 3 } || path[0] != '/')
        {
            return false;
        }

        var slash = path.IndexOf('/', 1);
        if (slash <= 1 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        service = path[1..slash];
        method = path[(slash + 1)..];
        return true;
    }

    private FrozenSet<string> KnownServices() =>
        endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>()
            .ToFrozenSet(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Method '{MethodName}' of service '{ServiceName}' is unimplemented.")]
    private static partial void LogMethodUnimplemented(ILogger logger, string serviceName, string methodName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Service '{ServiceName}' is unimplemented.")]
    private static partial void LogServiceUnimplemented(ILogger logger, string serviceName);
}
