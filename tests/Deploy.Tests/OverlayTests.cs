using System.Text.RegularExpressions;
using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>What the overlays add to the bases, and that each service's overlay stands alone.</summary>
public sealed class OverlayTests
{
    public static TheoryData<string> MeshOverlays => Cases.MeshOverlays;

    public static TheoryData<string, string> ServiceOverlays
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var service in Mesh.Services)
            {
                data.Add(service, "single-node");
                data.Add(service, "ha");
            }

            return data;
        }
    }

    [Fact]
    public void Ha_gives_every_service_an_autoscaler_a_disruption_budget_and_replicas_spread_over_nodes()
    {
        var manifests = Manifests.Of("deploy/overlays/ha");
        foreach (var service in Mesh.Services)
        {
            var deployment = manifests.Deployment(service);
            var labels = deployment.Spec.Template.Metadata.Labels;

            // The autoscaler owns the count: an apply must not reset it.
            Assert.Null(deployment.Spec.Replicas);
            var autoscaler = manifests.Single<V2HorizontalPodAutoscaler>(service);
            Assert.Equal(("apps/v1", "Deployment", service),
                (autoscaler.Spec.ScaleTargetRef.ApiVersion, autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name));
            Assert.True(autoscaler.Spec.MinReplicas >= 2, $"{service}: fewer than two replicas survive no node loss");
            Assert.True(autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas);
            var cpu = Assert.Single(autoscaler.Spec.Metrics);
            Assert.Equal(("Resource", "cpu"), (cpu.Type, cpu.Resource.Name));

            var budget = manifests.Single<V1PodDisruptionBudget>(service);
            Assert.True(LabelSelectors.Matches(budget.Spec.Selector, labels));
            Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);

            var spread = Assert.Single(deployment.Spec.Template.Spec.TopologySpreadConstraints);
            Assert.Equal("kubernetes.io/hostname", spread.TopologyKey);
            Assert.True(LabelSelectors.Matches(spread.LabelSelector, labels));
        }
    }

    [Theory]
    [InlineData("deploy/overlays/single-node")]
    [InlineData("deploy/try-local")]
    public void Single_node_runs_one_replica_of_each_without_autoscalers_or_budgets(string overlay)
    {
        var manifests = Manifests.Of(overlay);

        Assert.All(Mesh.Services, s => Assert.Equal(1, manifests.Deployment(s).Spec.Replicas));
        Assert.Empty(manifests.All<V2HorizontalPodAutoscaler>());
        Assert.Empty(manifests.All<V1PodDisruptionBudget>());
    }

    [Theory]
    [MemberData(nameof(ServiceOverlays))]
    public void A_services_overlay_holds_that_service_alone_and_is_its_part_of_the_mesh(string service, string variant)
    {
        var alone = Manifests.Of($"deploy/{service}/{variant}");
        var mesh = Manifests.Of($"deploy/overlays/{variant}");

        Assert.All(alone.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>(), o =>
        {
            Assert.Equal(Mesh.Namespace, o.Metadata.NamespaceProperty);
            Assert.True(o.Metadata.Name == service || o.Metadata.Name.StartsWith($"{service}-settings-", StringComparison.Ordinal),
                $"{o.Kind} {o.Metadata.Name} is not {service}'s");
        });
        var ofService = mesh.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>()
            .Where(o => o.Metadata.Name == service || o.Metadata.Name.StartsWith($"{service}-settings-", StringComparison.Ordinal));
        Assert.Equal(Identities(alone.Objects), Identities(ofService));
    }

    [Theory]
    [MemberData(nameof(MeshOverlays))]
    public void The_mesh_namespace_enforces_the_restricted_pod_security_standard(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var ns = manifests.Single<V1Namespace>(Mesh.Namespace);

        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        // Partner traffic comes from the ingress's namespace; the mesh's own namespace is not one.
        Assert.False(ns.Metadata.Labels.ContainsKey(Mesh.PartnerIngressLabel));
        Assert.All(manifests.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1Namespace),
            o => Assert.Equal(Mesh.Namespace, o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void The_local_try_resolves_each_service_to_the_address_its_script_gives_the_pod()
    {
        var script = File.ReadAllText(Repository.PathOf("deploy/try-local.sh"));
        var subnet = Regex.Match(script, "^SUBNET=([0-9.]+)$", RegexOptions.Multiline).Groups[1].Value;
        var addresses = Regex.Matches(script, "\\[(\\w+)\\]=\"\\$SUBNET(\\.[0-9]+)\"")
            .ToDictionary(m => m.Groups[1].Value, m => subnet + m.Groups[2].Value);
        Assert.Equal(Mesh.Services.Order(StringComparer.Ordinal), addresses.Keys.Order(StringComparer.Ordinal));

        var manifests = Manifests.Of("deploy/try-local");
        foreach (var service in Mesh.Services)
        {
            var aliases = manifests.Deployment(service).Spec.Template.Spec.HostAliases
                .SelectMany(a => a.Hostnames.Select(name => (Name: name, a.Ip)));
            Assert.Equal(
                addresses.Select(a => (Name: a.Key, Ip: a.Value)).OrderBy(a => a.Name, StringComparer.Ordinal),
                aliases.OrderBy(a => a.Name, StringComparer.Ordinal));
        }
    }

    private static IEnumerable<string> Identities(IEnumerable<object> objects) =>
        objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().Select(o => $"{o.ApiVersion}/{o.Kind}/{o.Metadata.Name}").Order(StringComparer.Ordinal);
}
