using System.Text.RegularExpressions;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// Gives routes on resource names their literal segments back. A contract route such as
/// <c>/v1/{name=contacts/*}</c> is listed by Grpc.Swagger as <c>/v1/{name}</c>, which hides the
/// collection, collides with other routes and invites a client to percent-encode the slash of
/// <c>contacts/12</c>. Here it becomes <c>/v1/contacts/{contactId}</c>: the same URL, the id as the
/// parameter; the service puts the resource name back together from the path.
/// </summary>
public sealed partial class ResourcePathFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in swaggerDoc.Paths)
        {
            foreach (var (type, operation) in item.Operations)
            {
                var api = context.ApiDescriptions.FirstOrDefault(a =>
                    "/" + a.RelativePath == path && string.Equals(a.HttpMethod, type.ToString(), StringComparison.OrdinalIgnoreCase));
                var rule = api?.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault()?.HttpRule;
                var target = rule is null ? path : Rewrite(path, Template(rule), operation);
                if (!paths.TryGetValue(target, out var targetItem))
                {
                    targetItem = new OpenApiPathItem { Summary = item.Summary, Description = item.Description };
                    paths[target] = targetItem;
                }

                targetItem.Operations[type] = operation;
            }
        }

        swaggerDoc.Paths = paths;
    }

    private static string Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
        _ => "",
    };

    /// <summary>Replaces each <c>{field=collection/*}</c> variable by its literal segments and an id parameter per <c>*</c>.</summary>
    private static string Rewrite(string path, string template, OpenApiOperation operation)
    {
        if (!Variable().Matches(template).Any(m => m.Groups[2].Success && m.Groups[2].Value.Contains('/', StringComparison.Ordinal)))
        {
            return path;
        }

        // The listed path names the variables as the document's parameters do, in the same order.
        var listedNames = Variable().Matches(path).Select(m => m.Groups[1].Value).ToList();
        var index = 0;
        return Variable().Replace(template, m =>
        {
            var listed = index < listedNames.Count ? listedNames[index] : m.Groups[1].Value;
            index++;
            if (!m.Groups[2].Success || !m.Groups[2].Value.Contains('/', StringComparison.Ordinal))
            {
                return "{" + listed + "}";
            }

            var original = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == listed);
            if (original is not null)
            {
                operation.Parameters.Remove(original);
            }

            var segments = m.Groups[2].Value.Split('/');
            var position = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] != "*")
                {
                    continue;
                }

                var id = IdName(i > 0 ? segments[i - 1] : listed);
                segments[i] = "{" + id + "}";
                operation.Parameters.Insert(position++, new OpenApiParameter
                {
                    Name = id,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = "string" },
                    Description = $"The {id[..^2]}'s id: the resource name ({listed}) is `{m.Groups[2].Value}` with this in place of its *.",
                });
            }

            return string.Join('/', segments);
        });
    }

    /// <summary><c>contacts</c> → <c>contactId</c>, <c>follow-ups</c> → <c>followUpId</c>.</summary>
    private static string IdName(string collection)
    {
        var words = collection.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var camel = words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var singular = camel.EndsWith('s') ? camel[..^1] : camel;
        return singular + "Id";
    }

    [GeneratedRegex(@"\{([^}=]+)(?:=([^}]*))?\}")]
    private static partial Regex Variable();
}
