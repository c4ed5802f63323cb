using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>How each service's pods run: unprivileged, probed, migrated first, bounded, of their own version.</summary>
public sealed class WorkloadTests
{
    public static TheoryData<string, string> Cases => Deploy.Tests.Cases.ServicesOfEveryMeshOverlay;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_as_a_non_root_user_without_privileges_on_a_read_only_root(string overlay, string service)
    {
        var pod = Manifests.Of(overlay).Deployment(service).Spec.Template.Spec;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.True(pod.SecurityContext.RunAsUser > 0);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile?.Type);
        Assert.NotEqual(true, pod.HostNetwork);
        Assert.NotEqual(true, pod.HostPID);
        Assert.NotEqual(true, pod.HostIPC);
        Assert.All(pod.Volumes ?? [], v => Assert.Null(v.HostPath));
        foreach (var container in AllContainers(pod))
        {
            var security = container.SecurityContext;
            Assert.NotNull(security);
            Assert.False(security.AllowPrivilegeEscalation ?? true, $"{service}/{container.Name} may escalate privileges");
            Assert.True(security.ReadOnlyRootFilesystem, $"{service}/{container.Name} has a writable root");
            Assert.NotEqual(true, security.Privileged);
            Assert.Contains("ALL", security.Capabilities?.Drop ?? []);
            Assert.Empty(security.Capabilities?.Add ?? []);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_only_to_an_empty_dir_at_tmp(string overlay, string service)
    {
        var pod = Manifests.Of(overlay).Deployment(service).Spec.Template.Spec;
        var volumes = (pod.Volumes ?? []).ToDictionary(v => v.Name);

        foreach (var container in AllContainers(pod))
        {
            var tmp = Assert.Single(container.VolumeMounts ?? [], m => m.MountPath == "/tmp");
            Assert.NotNull(volumes[tmp.Name].EmptyDir);
            Assert.All((container.VolumeMounts ?? []).Where(m => m.MountPath != "/tmp"), m => Assert.True(m.ReadOnlyProperty, $"{service}/{container.Name}: {m.MountPath} is writable"));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Has_no_access_to_the_Kubernetes_API(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var pod = manifests.Deployment(service).Spec.Template.Spec;

        Assert.False(pod.AutomountServiceAccountToken ?? true);
        var account = manifests.Single<V1ServiceAccount>(pod.ServiceAccountName);
        Assert.False(account.AutomountServiceAccountToken ?? true);
        Assert.Empty(manifests.All<V1Role>());
        Assert.Empty(manifests.All<V1ClusterRole>());
        Assert.Empty(manifests.All<V1RoleBinding>());
        Assert.Empty(manifests.All<V1ClusterRoleBinding>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rolls_out_without_dropping_below_the_ready_count(string overlay, string service)
    {
        var strategy = Manifests.Of(overlay).Deployment(service).Spec.Strategy;

        Assert.Equal("RollingUpdate", strategy.Type);
        Assert.Contains(strategy.RollingUpdate.MaxUnavailable.Value, new[] { "0", "0%" });
        Assert.NotEqual("0", strategy.RollingUpdate.MaxSurge?.Value ?? "0");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_probed_on_grpc_health_at_its_mesh_port(string overlay, string service)
    {
        var container = MainContainer(Manifests.Of(overlay).Deployment(service), service);
        var mesh = Assert.Single(container.Ports, p => p.Name == "mesh");
        Assert.Equal(Mesh.MeshPort, mesh.ContainerPort);

        foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe })
        {
            Assert.NotNull(probe?.Grpc);
            Assert.Equal(mesh.ContainerPort, probe.Grpc.Port);
            // grpc.health.v1 for the whole server; SERVING once the database answers.
            Assert.True(string.IsNullOrEmpty(probe.Grpc.Service));
            // The database check gives up after 5 s: the probe must wait for its answer.
            Assert.True(probe.TimeoutSeconds > 5, $"{service}: a probe times out before the health check answers");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Migrates_its_database_before_it_starts(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var deployment = manifests.Deployment(service);
        var main = MainContainer(deployment, service);
        var migrate = Assert.Single(deployment.Spec.Template.Spec.InitContainers ?? []);

        Assert.Equal(main.Image, migrate.Image);
        Assert.Null(migrate.Command);
        Assert.Equal(["--migrate-only"], migrate.Args);
        var database = Mesh.DatabaseSetting(service);
        Assert.Equal(
            Assert.Single(main.Env, e => e.Name == database).ValueFrom.SecretKeyRef.Name,
            Assert.Single(migrate.Env, e => e.Name == database).ValueFrom.SecretKeyRef.Name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Requests_and_limits_cpu_and_memory(string overlay, string service)
    {
        foreach (var container in AllContainers(Manifests.Of(overlay).Deployment(service).Spec.Template.Spec))
        {
            var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
            var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
            foreach (var name in new[] { "cpu", "memory" })
            {
                Assert.True(requests.ContainsKey(name), $"{service}/{container.Name} requests no {name}");
                Assert.True(limits.ContainsKey(name), $"{service}/{container.Name} has no {name} limit");
                Assert.True(requests[name].ToDecimal() <= limits[name].ToDecimal(), $"{service}/{container.Name}: {name} request above its limit");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_the_image_of_its_own_version(string overlay, string service)
    {
        var deployment = Manifests.Of(overlay).Deployment(service);

        Assert.Equal($"tocmesh/{service}:{Projects.VersionOf(service)}", MainContainer(deployment, service).Image);
    }

    private static V1Container MainContainer(V1Deployment deployment, string service) =>
        Assert.Single(deployment.Spec.Template.Spec.Containers, c => c.Name == service);

    private static IEnumerable<V1Container> AllContainers(V1PodSpec pod) => pod.Containers.Concat(pod.InitContainers ?? []);
}
