using System.Text.RegularExpressions;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TocMesh.ServiceDefaults.OpenApi;

/// <summary>
/// Gives routes on resource names their literal segments back. A contract route such as
/// <c>/v1/{name=contacts/*}</c> is described by Grpc.Swagger as <c>/v1/{name}</c>, which hides the
/// collection, collides with the other routes on names (<c>/v1/{name}:resolve</c> of needs and of
/// curriculum requests) and invites a client to percent-encode the slash of <c>contacts/12</c>. Here it
/// becomes <c>/v1/contacts/{contactId}</c>: the same URL, with the id as the parameter; the service
/// puts the resource name back together from the path. Runs after Grpc.Swagger's provider.
/// </summary>
public sealed partial class ResourcePathProvider : IApiDescriptionProvider
{
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var api in context.Results)
        {
            var rule = api.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault()?.HttpRule;
            if (rule is not null && api.RelativePath is not null)
            {
                Rewrite(api, Template(rule));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
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
    private static void Rewrite(ApiDescription api, string template)
    {
        if (!Variable().Matches(template).Any(m => m.Groups[2].Success && m.Groups[2].Value.Contains('/', StringComparison.Ordinal)))
        {
            return;
        }

        // The described path names the variables as its parameters do, in the template's order.
        var described = Variable().Matches(api.RelativePath!).Select(m => m.Groups[1].Value).ToList();
        var index = 0;
        var path = Variable().Replace(template, m =>
        {
            var name = index < described.Count ? described[index] : m.Groups[1].Value;
            index++;
            if (!m.Groups[2].Success || !m.Groups[2].Value.Contains('/', StringComparison.Ordinal))
            {
                return "{" + name + "}";
            }

            var original = api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Path && p.Name == name);
            var at = original is null ? 0 : api.ParameterDescriptions.IndexOf(original);
            if (original is not null)
            {
                api.ParameterDescriptions.Remove(original);
            }

            var segments = m.Groups[2].Value.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] != "*")
                {
                    continue;
                }

                var id = IdName(i > 0 ? segments[i - 1] : name);
                segments[i] = "{" + id + "}";
                api.ParameterDescriptions.Insert(at++, new ApiParameterDescription
                {
                    Name = id,
                    Source = BindingSource.Path,
                    Type = typeof(string),
                    ModelMetadata = original?.ModelMetadata!,
                    IsRequired = true,
                });
            }

            var pattern = string.Join('/', segments);
            var ids = (Dictionary<string, string>)(api.Properties.TryGetValue(typeof(ResourcePathProvider), out var found) ? found! : api.Properties[typeof(ResourcePathProvider)] = new Dictionary<string, string>());
            foreach (var id in Variable().Matches(pattern).Select(v => v.Groups[1].Value))
            {
                ids[id] = $"The {id[..^2]}'s id. The contract's resource name ({name}) is `{pattern}`.";
            }

            return pattern;
        });
        api.RelativePath = path.TrimStart('/');
    }

    /// <summary>The descriptions of the id parameters <see cref="Rewrite"/> made, by parameter name.</summary>
    public static IReadOnlyDictionary<string, string> IdDescriptions(ApiDescription api) =>
        api.Properties.TryGetValue(typeof(ResourcePathProvider), out var ids) ? (Dictionary<string, string>)ids! : new Dictionary<string, string>();

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
