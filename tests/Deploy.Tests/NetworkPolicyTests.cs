using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>
/// The NetworkPolicies allow exactly the call graph between the services, partner traffic from the
/// ingress namespace to the partner ports, PostgreSQL, Redis and DNS, and nothing else.
/// </summary>
public sealed class NetworkPolicyTests
{
    private static readonly Dictionary<string, string> Unlabelled = [];

    public static TheoryData<string> MeshOverlays => Cases.MeshOverlays;

    [Theory]
    [MemberData(nameof(MeshOverlays))]
    public void The_services_reach_each_other_exactly_along_the_call_graph(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var graph = new NetworkPolicyGraph(manifests);
        var services = Mesh.Services.Select(s => Workload.Of(manifests, s)).ToList();

        Assert.Equal(
            Mesh.CallGraph.Order().ToList(),
            graph.Edges(services).Order().ToList());
        foreach (var (caller, callee) in Mesh.CallGraph)
        {
            var (from, to) = (services.Single(s => s.Name == caller), services.Single(s => s.Name == callee));
            Assert.Equal([Mesh.MeshPort], to.Ports.Select(p => p.ContainerPort).Where(port => graph.Allows(from, to, port)));
        }
    }

    [Theory]
    [MemberData(nameof(MeshOverlays))]
    public void Partners_reach_the_grpc_and_json_ports_through_the_ingress_namespace_only(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var graph = new NetworkPolicyGraph(manifests);
        var ingress = Workload.Outside("ingress", "ingress-nginx", new Dictionary<string, string> { [Mesh.PartnerIngressLabel] = "true" }, Unlabelled);
        var elsewhere = Workload.Outside("stranger", "other-team", Unlabelled, Unlabelled);
        var neighbour = new Workload("neighbour", Mesh.Namespace, manifests.NamespaceLabels(Mesh.Namespace),
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "neighbour" }, []);

        foreach (var service in Mesh.Services.Select(s => Workload.Of(manifests, s)))
        {
            Assert.Equal([Mesh.GrpcPort, Mesh.JsonPort],
                service.Ports.Select(p => p.ContainerPort).Where(port => graph.Allows(ingress, service, port)));
            Assert.DoesNotContain(service.Ports, p => graph.Allows(elsewhere, service, p.ContainerPort));
            Assert.DoesNotContain(service.Ports, p => graph.Allows(neighbour, service, p.ContainerPort));
        }
    }

    [Theory]
    [MemberData(nameof(MeshOverlays))]
    public void The_services_reach_dns_postgresql_and_redis_and_nothing_outside_the_mesh_else(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var graph = new NetworkPolicyGraph(manifests);
        var dns = Workload.Outside("dns", "kube-system", Unlabelled, new Dictionary<string, string> { ["k8s-app"] = "kube-dns" });
        var postgres = Workload.Outside("postgres", "databases", Unlabelled, new Dictionary<string, string> { [Mesh.DependencyLabel] = "postgresql" });
        var redis = Workload.Outside("redis", "caches", Unlabelled, new Dictionary<string, string> { [Mesh.DependencyLabel] = "redis" });
        var other = Workload.Outside("web", "internet-facing", Unlabelled, Unlabelled);
        var fakeDns = Workload.Outside("dns", "other-team", Unlabelled, new Dictionary<string, string> { ["k8s-app"] = "kube-dns" });

        foreach (var service in Mesh.Services.Select(s => Workload.Of(manifests, s)))
        {
            Assert.True(graph.EgressAllows(service, dns, 53, "UDP"));
            Assert.True(graph.EgressAllows(service, dns, 53, "TCP"));
            Assert.False(graph.EgressAllows(service, fakeDns, 53, "UDP"));
            Assert.True(graph.EgressAllows(service, postgres, 5432, "TCP"));
            Assert.False(graph.EgressAllows(service, postgres, 22, "TCP"));
            Assert.True(graph.EgressAllows(service, redis, 6379, "TCP"));
            Assert.False(graph.EgressAllows(service, redis, 5432, "TCP"));
            foreach (var port in new[] { 53, 80, 443, 5432, 6379, Mesh.MeshPort })
            {
                Assert.False(graph.EgressAllows(service, other, port, "TCP"), $"{service.Name} reaches an unlabelled pod on {port}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(MeshOverlays))]
    public void Every_service_is_isolated_in_both_directions_and_no_rule_names_addresses(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var policies = manifests.All<V1NetworkPolicy>().ToList();

        foreach (var service in Mesh.Services.Select(s => Workload.Of(manifests, s)))
        {
            var own = Assert.Single(policies, p => LabelSelectors.Matches(p.Spec.PodSelector, service.Labels));
            Assert.Equal(["Ingress", "Egress"], own.Spec.PolicyTypes);
        }

        Assert.All(policies, p =>
        {
            Assert.All(p.Spec.Ingress ?? [], rule => Assert.All(rule.FromProperty, peer => Assert.Null(peer.IpBlock)));
            Assert.All(p.Spec.Egress ?? [], rule => Assert.All(rule.To, peer => Assert.Null(peer.IpBlock)));
        });
    }
}
