using Google.Rpc;
using Grpc.Core;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli.Output;

/// <summary>A service's refusal as a reader wants it: the status, the message and every detail, never a stack trace.</summary>
public static class ErrorReport
{
    public static void Write(TextWriter error, RpcException exception, (TocMeshService Service, Uri Address)? calling)
    {
        var where = calling is { } c ? $"{c.Service.Name} ({c.Address})" : "the service";
        error.WriteLine($"error: {where} answered {StatusName(exception.StatusCode)}: {Message(exception)}");

        var status = SafeRpcStatus(exception);
        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var violation in badRequest.FieldViolations)
            {
                error.WriteLine($"  {violation.Field}: {violation.Description}");
            }
        }

        if (status?.GetDetail<PreconditionFailure>() is { } precondition)
        {
            foreach (var violation in precondition.Violations)
            {
                var subject = string.IsNullOrEmpty(violation.Subject) ? "" : $" ({violation.Subject})";
                error.WriteLine($"  {violation.Type}{subject}: {violation.Description}");
            }
        }

        if (status?.GetDetail<ResourceInfo>() is { } resource)
        {
            error.WriteLine($"  {resource.ResourceType} {resource.ResourceName}{(string.IsNullOrEmpty(resource.Description) ? "" : ": " + resource.Description)}");
        }

        if (status?.GetDetail<QuotaFailure>() is { } quota)
        {
            foreach (var violation in quota.Violations)
            {
                error.WriteLine($"  quota {violation.Subject}: {violation.Description}");
            }
        }

        if (status?.GetDetail<RetryInfo>() is { RetryDelay: { } delay })
        {
            error.WriteLine($"  retry after {delay.ToTimeSpan().TotalSeconds:0.#} s");
        }

        if (status?.GetDetail<ErrorInfo>() is { } info)
        {
            error.WriteLine($"  reason: {info.Reason} ({info.Domain})");
        }

        if (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && calling is { } target)
        {
            error.WriteLine($"  is {target.Service.Name} running at {target.Address}? Set {target.Service.OptionName} or ${target.Service.EnvironmentVariable}.");
        }

        if (exception.StatusCode == StatusCode.Unauthenticated)
        {
            error.WriteLine("  give an API key with --key or $TOCMESH_API_KEY.");
        }
    }

    /// <summary>UPPER_SNAKE, as the gRPC status codes are written everywhere else.</summary>
    public static string StatusName(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => code.ToString().ToUpperInvariant(),
    };

    private static string Message(RpcException exception) =>
        exception.Status.Detail is { Length: > 0 } detail ? detail : "(no message)";

    private static Google.Rpc.Status? SafeRpcStatus(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null; // details that do not parse are left out; the status and message still say enough
        }
    }
}
