using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// A gRPC request body that is not a message of the method (random bytes, a truncated message) fails
/// in the framework before any interceptor sees it, and the framework answers UNKNOWN. Every failure
/// inside a handler already leaves as a status of its own (<see cref="ErrorStatus"/>), so
/// an UNKNOWN is this case: the caller's bytes. It is answered INVALID_ARGUMENT with a BadRequest.
/// </summary>
public sealed class MalformedRequestMiddleware(RequestDelegate next)
{
    private const string Message = "The request body is not a valid protobuf message of this method.";

    private static readonly string Details = Convert.ToBase64String(new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = Message,
        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "*", Description = Message } } }) },
    }.ToByteArray());

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsGrpc())
        {
            context.Response.OnStarting(static state =>
            {
                // Only a trailers-only answer (no message written) carries its status in the headers.
                var headers = ((Microsoft.AspNetCore.Http.HttpResponse)state).Headers;
                if (headers["grpc-status"] == "2")
                {
                    headers["grpc-status"] = "3";
                    headers["grpc-message"] = Message;
                    headers["grpc-status-details-bin"] = Details;
                }

                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }
}
