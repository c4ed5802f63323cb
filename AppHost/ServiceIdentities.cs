using System.Security.Cryptography;
using System.Text;

namespace TocMesh.AppHost;

public static class ServiceIdentities
{
    /// <summary>
    /// One generated key per service that calls others (a secret parameter <c>&lt;service&gt;-service-key</c>,
    /// new on every start): the caller gets it as <c>Auth__ServiceKey</c> and sends it on its calls;
    /// each service it references gets only its SHA-256, as agency <c>service:&lt;caller&gt;</c> with role
    /// <c>service</c>, as the keys file of a deployment holds it (docs/deploy.md). A service knows the
    /// keys of its own callers and of no other. Call after the services and their references are added.
    /// </summary>
    public static void AddTocMeshServiceIdentities(this IDistributedApplicationBuilder builder)
    {
        var services = builder.Resources.OfType<ProjectResource>().ToList();
        // After any partner keys of the AppHost's configuration (Auth:ApiKeys:0, 1, ...).
        var slot = 1000;
        foreach (var caller in services)
        {
            var callees = caller.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Select(r => r.Resource).OfType<ProjectResource>().Distinct().ToList();
            if (callees.Count == 0)
            {
                continue;
            }

            var key = builder.AddParameter($"{caller.Name}-service-key", new GenerateParameterDefault { MinLength = 43, Special = false }, secret: true);
            builder.CreateResourceBuilder(caller).WithEnvironment("Auth__ServiceKey", key);
            var entry = $"Auth__ApiKeys__{slot++}__";
            foreach (var callee in callees)
            {
                builder.CreateResourceBuilder(callee).WithEnvironment(async context =>
                {
                    var value = await key.Resource.GetValueAsync(context.CancellationToken) ?? "";
                    context.EnvironmentVariables[entry + "Agency"] = $"service:{caller.Name}";
                    context.EnvironmentVariables[entry + "Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
                    context.EnvironmentVariables[entry + "Roles__0"] = "service";
                });
            }
        }
    }
}
