using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// Per operation: who may call it (a write needs an API key; a read takes one, for the caller's own
/// quota and, where the contract says so, more detail) and the error statuses it can answer with,
/// each a <c>google.rpc.Status</c>. The statuses are those gRPC JSON transcoding maps the service's
/// gRPC codes to (FAILED_PRECONDITION is 400, an etag mismatch ABORTED is 409: no RPC answers 412).
/// </summary>
public sealed class ContractOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var isRead = string.Equals(context.ApiDescription.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        var bearer = new OpenApiSecurityRequirement { [ContractDocumentFilter.BearerScheme] = [] };
        operation.Security = isRead ? [new OpenApiSecurityRequirement(), bearer] : [bearer];

        foreach (var (id, description) in ResourcePathProvider.IdDescriptions(context.ApiDescription))
        {
            if (operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == id) is { } parameter)
            {
                parameter.Description = description;
                parameter.Schema = new OpenApiSchema { Type = "string" };
            }
        }

        var byName = (context.ApiDescription.RelativePath ?? "").Contains('{', StringComparison.Ordinal);
        Add(operation, "400", "INVALID_ARGUMENT, FAILED_PRECONDITION or OUT_OF_RANGE: bad input (google.rpc.BadRequest names each field) or a broken rule (google.rpc.PreconditionFailure). Nothing changed.");
        Add(operation, "401", isRead
            ? "UNAUTHENTICATED: the authorization header carries a key the service does not know."
            : "UNAUTHENTICATED: no API key, or a key the service does not know. Send authorization: Bearer <key>.");
        if (!isRead)
        {
            Add(operation, "403", "PERMISSION_DENIED: the key's role or state may not do this (google.rpc.ErrorInfo metadata required_role).");
        }

        if (byName || !isRead)
        {
            Add(operation, "404", "NOT_FOUND: the named resource (or one the request refers to) does not exist (google.rpc.ResourceInfo).");
        }

        if (!isRead)
        {
            Add(operation, "409", "ALREADY_EXISTS, or ABORTED: the etag sent is not the resource's current one; read it again and retry with the new etag.");
        }

        Add(operation, "429", "RESOURCE_EXHAUSTED: over the caller's rate limit (google.rpc.RetryInfo says when to retry) or a request too large.");
        Add(operation, "503", "UNAVAILABLE: another service this call cannot do without is down (google.rpc.RetryInfo; ErrorInfo metadata dependency). Safe to retry; a write with the same request_id is applied once.");
        operation.Responses["default"] = StatusResponse("Any other error, as a google.rpc.Status (e.g. 504 DEADLINE_EXCEEDED, 500 INTERNAL with a trace id to quote).");
    }

    private static void Add(OpenApiOperation operation, string code, string description) =>
        operation.Responses.TryAdd(code, StatusResponse(description));

    private static OpenApiResponse StatusResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new() { Reference = new() { Type = ReferenceType.Schema, Id = ContractDocumentFilter.StatusSchema } } },
        },
    };
}
