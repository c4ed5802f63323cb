using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>
/// What each service is told: settings from its ConfigMap, everything secret from the Secrets the
/// operators provide (and docs/deploy.md lists), the services it calls and no others.
/// </summary>
public sealed class ConfigurationTests
{
    public static TheoryData<string, string> Cases => Deploy.Tests.Cases.ServicesOfEveryMeshOverlay;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Takes_secrets_only_from_the_secrets_the_operators_provide(string overlay, string service)
    {
        var pod = Manifests.Of(overlay).Deployment(service).Spec.Template.Spec;

        Assert.Equal(
            Mesh.Secrets(service, Deploy.Tests.Cases.ServesTls(overlay)).Order(StringComparer.Ordinal),
            SecretsOf(pod).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_its_database_and_redis_from_secrets_and_nothing_secret_from_its_config_map(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var container = MainContainer(manifests, service);

        AssertFromSecret(container, Mesh.DatabaseSetting(service), $"{service}-database", "connection-string");
        AssertFromSecret(container, "ConnectionStrings__cache", "tocmesh-redis", "connection-string");
        foreach (var map in container.EnvFrom.Select(e => manifests.Single<V1ConfigMap>(e.ConfigMapRef.Name)))
        {
            Assert.DoesNotContain(map.Data.Keys, k =>
                k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                || k.StartsWith("Auth__ApiKeys", StringComparison.Ordinal)
                || k == Mesh.ServiceKeySetting);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Carries_its_own_key_exactly_when_it_calls_other_services(string overlay, string service)
    {
        var container = MainContainer(Manifests.Of(overlay), service);

        if (Mesh.Callees(service).Count > 0)
        {
            AssertFromSecret(container, Mesh.ServiceKeySetting, $"{service}-credential", "key");
        }
        else
        {
            Assert.DoesNotContain(container.Env ?? [], e => e.Name == Mesh.ServiceKeySetting);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Knows_the_addresses_of_exactly_the_services_it_calls(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var settings = manifests.Settings(MainContainer(manifests, service));

        var addresses = settings.Where(s => s.Key.StartsWith("services__", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(
            Mesh.Callees(service).ToDictionary(c => $"services__{c}__http__0", c => $"http://{c}:{Mesh.MeshPort}"),
            addresses);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Depends_on_no_replica_count(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var settings = manifests.Settings(MainContainer(manifests, service));

        Assert.DoesNotContain(settings.Keys, k => k.Contains("Replicas", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Watches_the_keys_file_of_its_mounted_secret(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var pod = manifests.Deployment(service).Spec.Template.Spec;
        var container = MainContainer(manifests, service);
        var settings = manifests.Settings(container);

        var volume = Assert.Single(pod.Volumes, v => v.Secret?.SecretName == "tocmesh-api-keys");
        var mount = Assert.Single(container.VolumeMounts, m => m.Name == volume.Name);
        Assert.Equal($"{mount.MountPath}/api-keys.json", settings["Auth__KeysFile"]);
        // A Secret's files change by a symbolic link swap that inotify does not report; polling sees it.
        Assert.Equal("true", settings["DOTNET_USE_POLLING_FILE_WATCHER"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serves_tls_on_its_partner_ports_only_from_its_mounted_certificate(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var pod = manifests.Deployment(service).Spec.Template.Spec;
        var container = MainContainer(manifests, service);
        var settings = manifests.Settings(container);

        Assert.Equal($"http://+:{Mesh.MeshPort}", settings["Kestrel__Endpoints__mesh__Url"]);
        Assert.Equal("Http2", settings["Kestrel__Endpoints__mesh__Protocols"]);
        if (!Deploy.Tests.Cases.ServesTls(overlay))
        {
            Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Kestrel__Certificates", StringComparison.Ordinal));
            Assert.DoesNotContain(settings.Values, v => v.StartsWith("https://", StringComparison.Ordinal));
            return;
        }

        var volume = Assert.Single(pod.Volumes, v => v.Secret?.SecretName == $"{service}-tls");
        var mount = Assert.Single(container.VolumeMounts, m => m.Name == volume.Name);
        Assert.Equal($"{mount.MountPath}/tls.crt", settings["Kestrel__Certificates__Default__Path"]);
        Assert.Equal($"{mount.MountPath}/tls.key", settings["Kestrel__Certificates__Default__KeyPath"]);
        Assert.Equal($"https://+:{Mesh.GrpcPort}", settings["Kestrel__Endpoints__http__Url"]);
        Assert.Equal($"https://+:{Mesh.JsonPort}", settings["Kestrel__Endpoints__rest__Url"]);
    }

    [Fact]
    public void The_deployment_guide_names_every_secret_and_its_keys()
    {
        var guide = File.ReadAllText(Repository.PathOf("docs/deploy.md"));
        var secrets = Mesh.Services.SelectMany(s => Mesh.Secrets(s, tls: true)).Distinct();

        Assert.All(secrets, secret => Assert.Contains($"`{secret}`", guide, StringComparison.Ordinal));
        Assert.All(new[] { "connection-string", "api-keys.json", "key", "tls.crt", "tls.key" },
            key => Assert.Contains($"`{key}`", guide, StringComparison.Ordinal));
    }

    private static void AssertFromSecret(V1Container container, string setting, string secret, string key)
    {
        var variable = Assert.Single(container.Env ?? [], e => e.Name == setting);
        Assert.Null(variable.Value);
        Assert.Equal((secret, key), (variable.ValueFrom.SecretKeyRef.Name, variable.ValueFrom.SecretKeyRef.Key));
    }

    private static V1Container MainContainer(Manifests manifests, string service) =>
        Assert.Single(manifests.Deployment(service).Spec.Template.Spec.Containers, c => c.Name == service);

    private static IEnumerable<string> SecretsOf(V1PodSpec pod)
    {
        var containers = pod.Containers.Concat(pod.InitContainers ?? []).ToList();
        return containers.SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name)
            .Concat(containers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.SecretRef?.Name))
            .Concat((pod.Volumes ?? []).Select(v => v.Secret?.SecretName))
            .Concat((pod.Volumes ?? []).SelectMany(v => v.Projected?.Sources ?? []).Select(s => s.Secret?.Name))
            .OfType<string>()
            .Distinct();
    }
}
