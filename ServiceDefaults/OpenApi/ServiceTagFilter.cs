using System.Xml.Linq;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// Describes each tag (one per gRPC service) with the contract's comment on that service, read from
/// the generated code's XML documentation, rather than with the implementing class's notes.
/// </summary>
public sealed class ServiceTagFilter(string xmlDocumentation) : IDocumentFilter
{
    private readonly Lazy<XDocument?> _xml = new(() => File.Exists(xmlDocumentation) ? XDocument.Load(xmlDocumentation) : null);

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var services = swaggerDoc.Paths.Values.SelectMany(p => p.Operations.Values).SelectMany(o => o.Tags).Select(t => t.Name).Distinct().ToList();
        swaggerDoc.Tags = services.Select(name => new OpenApiTag { Name = name, Description = Summary(name) }).ToList();
    }

    private string? Summary(string service) => _xml.Value?.Descendants("member")
        .Where(m => (string?)m.Attribute("name") is { } name && name.StartsWith("T:", StringComparison.Ordinal) && name.EndsWith("." + service, StringComparison.Ordinal))
        .Select(m => m.Element("summary")?.Value.Trim())
        .FirstOrDefault();
}
