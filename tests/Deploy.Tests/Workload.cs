using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>A pod as a NetworkPolicy sees it: its namespace and that namespace's labels, its labels, its named ports.</summary>
public sealed record Workload(
    string Name,
    string Namespace,
    IDictionary<string, string> NamespaceLabels,
    IDictionary<string, string> Labels,
    IReadOnlyList<V1ContainerPort> Ports)
{
    /// <summary>A pod outside the mesh (no named ports): the DNS server, PostgreSQL, an ingress controller.</summary>
    public static Workload Outside(string name, string ns, IDictionary<string, string> namespaceLabels, IDictionary<string, string> labels) =>
        new(name, ns, new Dictionary<string, string>(namespaceLabels) { ["kubernetes.io/metadata.name"] = ns }, labels, []);

    /// <summary>The pods of a Deployment of the rendered manifests.</summary>
    public static Workload Of(Manifests manifests, string deployment)
    {
        var spec = manifests.Deployment(deployment);
        var ns = spec.Metadata.NamespaceProperty ?? Mesh.Namespace;
        return new Workload(
            deployment,
            ns,
            manifests.NamespaceLabels(ns),
            spec.Spec.Template.Metadata.Labels,
            [.. spec.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? [])]);
    }
}
