using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>
/// What the rendered NetworkPolicies allow, evaluated as the Kubernetes API defines it: a pod that no
/// policy of a direction selects is open in that direction; a selected one accepts only what some
/// rule of some policy selecting it allows. An ipBlock peer is taken to match every pod (the graph
/// can then only grow, so it can hide no extra edge).
/// </summary>
public sealed class NetworkPolicyGraph(Manifests manifests)
{
    private readonly IReadOnlyList<V1NetworkPolicy> _policies = [.. manifests.All<V1NetworkPolicy>()];

    public bool Allows(Workload from, Workload to, int port, string protocol = "TCP") =>
        EgressAllows(from, to, port, protocol) && IngressAllows(to, from, port, protocol);

    /// <summary>Every pair of the given workloads with some port of the destination open between them.</summary>
    public IReadOnlySet<(string From, string To)> Edges(IReadOnlyList<Workload> workloads) =>
        workloads.SelectMany(from => workloads.Select(to => (from, to)))
            .Where(pair => pair.to.Ports.Any(p => Allows(pair.from, pair.to, p.ContainerPort, p.Protocol ?? "TCP")))
            .Select(pair => (pair.from.Name, pair.to.Name))
            .ToHashSet();

    public bool IngressAllows(Workload to, Workload from, int port, string protocol)
    {
        var policies = Selecting(to, "Ingress").ToList();
        return policies.Count == 0 || policies.Any(policy => (policy.Spec.Ingress ?? []).Any(rule =>
            Peers(rule.FromProperty, from, policy) && Ports(rule.Ports, to, port, protocol)));
    }

    public bool EgressAllows(Workload from, Workload to, int port, string protocol)
    {
        var policies = Selecting(from, "Egress").ToList();
        return policies.Count == 0 || policies.Any(policy => (policy.Spec.Egress ?? []).Any(rule =>
            Peers(rule.To, to, policy) && Ports(rule.Ports, to, port, protocol)));
    }

    private IEnumerable<V1NetworkPolicy> Selecting(Workload workload, string direction) =>
        _policies.Where(p =>
            (p.Metadata.NamespaceProperty ?? Mesh.Namespace) == workload.Namespace
            && LabelSelectors.Matches(p.Spec.PodSelector, workload.Labels)
            && PolicyTypes(p).Contains(direction));

    /// <summary>Unset policyTypes: Ingress, and Egress when the policy has egress rules.</summary>
    private static IReadOnlyList<string> PolicyTypes(V1NetworkPolicy policy) =>
        policy.Spec.PolicyTypes is { Count: > 0 } types ? [.. types]
            : policy.Spec.Egress is { Count: > 0 } ? ["Ingress", "Egress"] : ["Ingress"];

    private static bool Peers(IList<V1NetworkPolicyPeer>? peers, Workload other, V1NetworkPolicy policy) =>
        peers is null || peers.Count == 0 || peers.Any(peer => Peer(peer, other, policy));

    private static bool Peer(V1NetworkPolicyPeer peer, Workload other, V1NetworkPolicy policy)
    {
        if (peer.IpBlock is not null)
        {
            return true;
        }

        var inNamespace = peer.NamespaceSelector is { } namespaces
            ? LabelSelectors.Matches(namespaces, other.NamespaceLabels)
            : other.Namespace == (policy.Metadata.NamespaceProperty ?? Mesh.Namespace);
        return inNamespace && (peer.PodSelector is not { } pods || LabelSelectors.Matches(pods, other.Labels));
    }

    /// <summary>Named ports are looked up on the destination pod, as for both directions in Kubernetes.</summary>
    private static bool Ports(IList<V1NetworkPolicyPort>? ports, Workload destination, int port, string protocol) =>
        ports is null || ports.Count == 0 || ports.Any(p =>
            (p.Protocol ?? "TCP") == protocol && PortMatches(p, destination, port));

    private static bool PortMatches(V1NetworkPolicyPort rule, Workload destination, int port)
    {
        if (rule.Port is null)
        {
            return true;
        }

        var text = rule.Port.Value;
        if (int.TryParse(text, out var number))
        {
            return rule.EndPort is { } end ? port >= number && port <= end : port == number;
        }

        return destination.Ports.Any(p => p.Name == text && p.ContainerPort == port);
    }
}
