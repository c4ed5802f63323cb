using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// The OpenAPI document of a service's JSON surface (<c>/openapi/v1.json</c>), written for a partner
/// who has only that document: the contracts' comments, one stable operationId per RPC, the API key
/// as a bearer scheme, the <c>google.rpc.Status</c> error body, and the server.
/// </summary>
public static class OpenApiExtensions
{
    /// <summary>Describes the service's gRPC JSON transcoding routes (Swashbuckle with Grpc.Swagger).</summary>
    public static TBuilder AddServiceOpenApi<TBuilder>(this TBuilder builder, ServiceIdentity service)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ResourcePathProvider>());
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new()
            {
                Title = $"TocMesh {service.Name}",
                Version = "v1",
                Description = $"The JSON surface of the TocMesh {service.Name} service: the gRPC contract "
                    + "served as JSON over HTTP/1.1 (gRPC JSON transcoding). Fields are written in lowerCamelCase "
                    + "and read in either that or the contract's snake_case; 64-bit integers are strings; dates are "
                    + "google.type.Date objects; enums are their names. Every error is a google.rpc.Status.",
            });
            o.CustomOperationIds(OperationId);
            // A field of a message type keeps its comment (what as_of means, say): OpenAPI 3.0 ignores
            // a description beside a bare $ref, so the reference is wrapped in allOf.
            o.UseAllOfToExtendReferenceSchemas();
            // The contracts' comments: Grpc.Tools writes them as the generated code's XML documentation
            // (GenerateDocumentationFile in the service's project); the file sits beside the assembly.
            var xml = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
                o.IncludeGrpcXmlComments(xml);
            }

            o.DocumentFilter<ServiceTagFilter>(xml);

            o.OperationFilter<ContractOperationFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
        });
        return builder;
    }

    /// <summary>
    /// <c>&lt;Service&gt;_&lt;Method&gt;</c>, e.g. <c>TreatyService_GetRatificationReport</c>: named after the
    /// RPC, so a generated client's method names survive a change of path.
    /// </summary>
    public static string? OperationId(ApiDescription api)
    {
        var method = api.ActionDescriptor.EndpointMetadata.OfType<GrpcMethodMetadata>().FirstOrDefault()?.Method;
        if (method is null)
        {
            return null;
        }

        var service = method.ServiceName[(method.ServiceName.LastIndexOf('.') + 1)..];
        return $"{service}_{method.Name}";
    }
}
