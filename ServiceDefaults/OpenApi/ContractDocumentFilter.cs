using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi.Any;
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
    public const string StatusSchema = "google.rpc.Status";
    public const string AnySchema = "google.protobuf.Any";

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
        swaggerDoc.Components.SecuritySchemes["bearer"] = new()
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key issued by the Secretariat (`tocmesh keys issue`), sent as `authorization: Bearer <key>`. "
                + "Writes need one, and the key's role decides which (the Secretariat; a state's editor for its own state). "
                + "Reads take one too: the caller then has its agency's rate limit instead of the anonymous one, and some reads show more (e.g. a contact's person, e-mail and phone).",
        };

        swaggerDoc.Components.Schemas[AnySchema] = new()
        {
            Type = "object",
            Description = "A detail of an error: its type in @type (e.g. type.googleapis.com/google.rpc.BadRequest) and that message's fields beside it.",
            Required = new HashSet<string> { "@type" },
            Properties = new Dictionary<string, OpenApiSchema>
            {
                ["@type"] = new() { Type = "string", Description = "type.googleapis.com/ followed by the detail's message name." },
            },
            AdditionalPropertiesAllowed = true,
        };
        swaggerDoc.Components.Schemas[StatusSchema] = new()
        {
            Type = "object",
            Description = "The error body of every failed call: the gRPC status code, a message for people, and machine-readable details (google.rpc.ErrorInfo, BadRequest, PreconditionFailure, ResourceInfo, RetryInfo, QuotaFailure).",
            Properties = new Dictionary<string, OpenApiSchema>
            {
                ["code"] = new() { Type = "integer", Format = "int32", Description = "The gRPC status code (google.rpc.Code), e.g. 3 INVALID_ARGUMENT, 5 NOT_FOUND.", Example = new OpenApiInteger(5) },
                ["message"] = new() { Type = "string", Description = "What went wrong, in English, for people." },
                ["details"] = new()
                {
                    Type = "array",
                    Description = "Machine-readable details; each names its type in @type.",
                    Items = new() { Reference = new() { Type = ReferenceType.Schema, Id = AnySchema } },
                },
            },
        };
    }
}
