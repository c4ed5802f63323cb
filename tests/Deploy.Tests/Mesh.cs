namespace TocMesh.Deploy.Tests;

/// <summary>What the manifests must say, from the services' side: names, ports, calls and Secrets.</summary>
public static class Mesh
{
    /// <summary>gRPC for partners (HTTP/2).</summary>
    public const int GrpcPort = 8080;

    /// <summary>JSON for partners (HTTP/1.1).</summary>
    public const int JsonPort = 8081;

    /// <summary>Calls between the services and the kubelet's probes (h2c).</summary>
    public const int MeshPort = 8082;

    public const string Namespace = "tocmesh";

    /// <summary>The label of a namespace whose pods (an ingress controller, a gateway) carry partner traffic.</summary>
    public const string PartnerIngressLabel = "tocmesh/partner-ingress";

    /// <summary>The label of the PostgreSQL and Redis pods the services may reach.</summary>
    public const string DependencyLabel = "tocmesh/dependency";

    /// <summary>The setting that carries a service's own key for its calls to the others.</summary>
    public const string ServiceKeySetting = "Auth__ServiceKey";

    public static IReadOnlyList<string> Services => MeshResources.Services;

    /// <summary>Who calls whom, and nothing else.</summary>
    public static IReadOnlySet<(string Caller, string Callee)> CallGraph { get; } = new HashSet<(string, string)>
    {
        (MeshResources.Meetings, MeshResources.Treaty),
        (MeshResources.Meetings, MeshResources.Directory),
        (MeshResources.Meetings, MeshResources.TechnicalCooperation),
        (MeshResources.TechnicalCooperation, MeshResources.Directory),
        (MeshResources.TechnicalCooperation, MeshResources.Treaty),
        (MeshResources.Treaty, MeshResources.Directory),
    };

    /// <summary>The whole mesh, and the podman variant of single-node that deploy/try-local.sh plays.</summary>
    public static IReadOnlyList<string> MeshOverlays { get; } = ["deploy/overlays/single-node", "deploy/overlays/ha", "deploy/try-local"];

    public static IReadOnlyList<string> Callees(string service) =>
        [.. CallGraph.Where(e => e.Caller == service).Select(e => e.Callee).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Callers(string service) =>
        [.. CallGraph.Where(e => e.Callee == service).Select(e => e.Caller).Order(StringComparer.Ordinal)];

    /// <summary>A service's database connection string: its name followed by "db".</summary>
    public static string DatabaseSetting(string service) => $"ConnectionStrings__{service}db";

    /// <summary>
    /// The Secrets the operators provide for a service (docs/deploy.md lists them): its database, the
    /// shared Redis, the partner and service key hashes, its own key when it calls others, and its
    /// certificate when it serves TLS itself.
    /// </summary>
    public static IReadOnlySet<string> Secrets(string service, bool tls)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { $"{service}-database", "tocmesh-redis", "tocmesh-api-keys" };
        if (Callees(service).Count > 0)
        {
            names.Add($"{service}-credential");
        }

        if (tls)
        {
            names.Add($"{service}-tls");
        }

        return names;
    }
}
