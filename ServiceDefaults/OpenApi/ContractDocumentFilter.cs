using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// The parts of the document every operation shares: the API key as a bearer scheme, the
/// <c>google.rpc.Status</c> error body, and the servers (<c>OpenApi:Servers</c> in configuration,
/// else the address the document was fetched from).
/// </summary>
public sealed class ContractDocumentFilter(IConfiguration configuration) : IDocumentFilter
{
    public const string StatusSchema = "Status";
    public const string AnySchema = "Any";

    public static OpenApiSecurityScheme BearerScheme { get; } = new()
    {
        Reference = new() { Type = ReferenceType.SecurityScheme, Id = "bearer" },
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var servers = configuration.GetSection("OpenApi:Servers").Get<string[]>() ?? [];
        swaggerDoc.Servers = servers.Length > 0
            ? servers.Select(url => new OpenApiServer { Url = url }).ToList()
            : [new OpenApiServer { Url = "/", Description = "The address this document was fetched from (the service's JSON port)." }];

        swaggerDoc.Components ??= new();
        // A nullable field wrapped in allOf (google.protobuf.Value's struct_value, say) needs its type
        // beside nullable to be valid OpenAPI 3.0.
        foreach (var property in swaggerDoc.Components.Schemas.Values.SelectMany(s => s.Properties.Values))
        {
            if (property.Nullable && property.AllOf.Count > 0 && property.Type is null)
            {
                property.Type = "object";
            }
        }

        swaggerDoc.Components.SecuritySchemes["bearer"] = new()
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key issued by the Secretariat (`tocmesh keys issue`), sent as `authorization: Bearer <key>`. "
                + "Writes need one, and the key's role decides which (the Secretariat; a state's editor for its own state). "
                + "Reads take one too: the caller then has its agency's rate limit instead of the anonymous one, and some reads show more (e.g. a contact's person, e-mail and phone).",
        };

        // Grpc.Swagger already lists google.rpc.Status and google.protobuf.Any (as Status and Any) for
        // the default response; they are described here so a partner knows what the fields carry.
        var any = swaggerDoc.Components.Schemas.TryGetValue(AnySchema, out var foundAny) ? foundAny : swaggerDoc.Components.Schemas[AnySchema] = new()
        {
            Type = "object",
            Required = new HashSet<string> { "@type" },
            Properties = new Dictionary<string, OpenApiSchema> { ["@type"] = new() { Type = "string" } },
            AdditionalPropertiesAllowed = true,
        };
        any.Title = "google.protobuf.Any";
        any.Description = "A detail of an error: its type in @type and that message's fields beside it.";
        if (any.Properties.TryGetValue("@type", out var type))
        {
            type.Description = "type.googleapis.com/ and the detail's message name, e.g. type.googleapis.com/google.rpc.BadRequest.";
        }

        var status = swaggerDoc.Components.Schemas.TryGetValue(StatusSchema, out var foundStatus) ? foundStatus : swaggerDoc.Components.Schemas[StatusSchema] = new() { Type = "object" };
        status.Title = "google.rpc.Status";
        status.Description = "The error body of every failed call: the gRPC status code, a message for people, and machine-readable details "
            + "(google.rpc.ErrorInfo always, with its reason and domain; BadRequest, PreconditionFailure, ResourceInfo, RetryInfo, QuotaFailure as the error calls for).";
        status.Properties["code"] = new() { Type = "integer", Format = "int32", Description = "The gRPC status code (google.rpc.Code), e.g. 3 INVALID_ARGUMENT, 5 NOT_FOUND, 16 UNAUTHENTICATED." };
        status.Properties["message"] = new() { Type = "string", Description = "What went wrong, in English, for people." };
        status.Properties["details"] = new()
        {
            Type = "array",
            Description = "Machine-readable details; each names its type in @type.",
            Items = new() { Reference = new() { Type = ReferenceType.Schema, Id = AnySchema } },
        };
    }
}
