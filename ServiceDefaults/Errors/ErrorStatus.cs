using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses. Domain failures carry rich details
/// (<c>BadRequest</c>, <c>ResourceInfo</c>, <c>PreconditionFailure</c>, <c>ErrorInfo</c>); anything
/// unexpected becomes INTERNAL with a trace id and nothing of the exception on the wire.
/// <see cref="ServerCallInterceptor"/> applies it to every call.
/// </summary>
public sealed partial class ErrorStatus(ILogger<ErrorStatus> logger, ServiceIdentity service)
{
    /// <summary>The status for a failure that is not one already (an <see cref="RpcException"/> is passed through by the caller).</summary>
    public RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            // No deadline from the caller: the server's own bound (ServerTimeouts) ended the call.
            // (A caller that cancelled is gone and never reads this status.)
            return context.Deadline == DateTime.MaxValue
                ? new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "The call ran past the server's time bound; send a deadline, or narrow the request."))
                : new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
        }

        var status = exception switch
        {
            DomainException domain => FromDomain(domain),
            DbUpdateConcurrencyException => new Google.Rpc.Status
            {
                Code = (int)Code.Aborted,
                Message = "The record was changed by someone else; read it again and retry.",
                Details = { Any.Pack(ErrorInfo("ETAG_MISMATCH")) },
            },
            _ => Unexpected(exception, context),
        };
        return status.ToRpcException();
    }

    private Google.Rpc.Status FromDomain(DomainException e)
    {
        var info = ErrorInfo(e.Reason);
        foreach (var (key, value) in e.Metadata)
        {
            info.Metadata[key] = value;
        }

        var status = new Google.Rpc.Status { Message = e.Message };
        switch (e)
        {
            case ValidationException v:
                status.Code = (int)Code.InvalidArgument;
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(v.Violations.Select(f => new BadRequest.Types.FieldViolation
                {
                    Field = f.Field,
                    Description = f.Description,
                }));
                status.Details.Add(Any.Pack(badRequest));
                break;
            case NotFoundException nf:
                status.Code = (int)Code.NotFound;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = nf.ResourceType, ResourceName = nf.ResourceName, Description = nf.Message }));
                break;
            case AlreadyExistsException ae:
                status.Code = (int)Code.AlreadyExists;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = ae.ResourceType, ResourceName = ae.ResourceName, Description = ae.Message }));
                break;
            case RuleViolationException rv:
                status.Code = (int)Code.FailedPrecondition;
                status.Details.Add(Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = rv.Rule, Subject = rv.Subject, Description = rv.Message } },
                }));
                break;
            case EtagMismatchException em:
                status.Code = (int)Code.Aborted;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = em.ResourceType, ResourceName = em.ResourceName, Description = em.Message }));
                break;
            case UnauthenticatedException:
                status.Code = (int)Code.Unauthenticated;
                break;
            case PermissionDeniedException pd:
                status.Code = (int)Code.PermissionDenied;
                info.Metadata["required_role"] = pd.RequiredRole;
                break;
            case QuotaExceededException qe:
                status.Code = (int)Code.ResourceExhausted;
                status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(qe.RetryAfter) }));
                status.Details.Add(Any.Pack(new QuotaFailure
                {
                    Violations = { new QuotaFailure.Types.Violation { Subject = qe.Subject, Description = "calls per second" } },
                }));
                break;
            case DependencyUnavailableException du:
                status.Code = (int)Code.Unavailable;
                info.Metadata["dependency"] = du.Dependency;
                status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }));
                break;
            default:
                status.Code = (int)Code.FailedPrecondition;
                break;
        }

        status.Details.Insert(0, Any.Pack(info));
        return status;
    }

    private Google.Rpc.Status Unexpected(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        LogUnexpected(logger, exception, context.Method, traceId);
        var info = ErrorInfo("INTERNAL");
        info.Metadata["trace_id"] = traceId;
        return new Google.Rpc.Status
        {
            Code = (int)Code.Internal,
            Message = $"The service could not complete the call; quote trace id {traceId} to the operators.",
            Details = { Any.Pack(info) },
        };
    }

    private ErrorInfo ErrorInfo(string reason) => new() { Reason = reason, Domain = service.Domain };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string traceId);
}
