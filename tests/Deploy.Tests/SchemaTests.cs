using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>Every kustomization under deploy/ renders, and every object it renders matches its Kubernetes schema.</summary>
public sealed class SchemaTests
{
    private const string ValidDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: example
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: example
          template:
            metadata:
              labels:
                app: example
            spec:
              containers:
                - name: example
                  image: example:1.0.0
                  ports:
                    - containerPort: 8080
                  resources:
                    limits:
                      memory: 256Mi
        """;

    public static TheoryData<string> Kustomizations => [.. Kustomize.Kustomizations()];

    [Fact]
    public void Every_service_has_a_base_and_both_overlays_and_the_mesh_has_both()
    {
        var expected = Mesh.Services.SelectMany(s => new[] { $"deploy/{s}/base", $"deploy/{s}/single-node", $"deploy/{s}/ha" })
            .Concat(Mesh.MeshOverlays);
        Assert.Empty(expected.Except(Kustomize.Kustomizations()));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Renders_to_objects_that_match_the_Kubernetes_schemas(string folder)
    {
        var manifests = Manifests.Of(folder);

        Assert.NotEmpty(manifests.Objects);
        foreach (var metadata in manifests.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().Select(o => o.Metadata))
        {
            Assert.False(string.IsNullOrEmpty(metadata.Name), $"{folder}: an object without a name");
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_container_names_its_image_and_its_ports(string folder)
    {
        foreach (var deployment in Manifests.Of(folder).All<V1Deployment>())
        {
            var spec = deployment.Spec.Template.Spec;
            Assert.NotNull(deployment.Spec.Selector);
            foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
            {
                Assert.False(string.IsNullOrEmpty(container.Name), $"{folder}: a container of {deployment.Metadata.Name} has no name");
                Assert.False(string.IsNullOrEmpty(container.Image), $"{folder}: {deployment.Metadata.Name}/{container.Name} has no image");
                Assert.All(container.Ports ?? [], p => Assert.InRange(p.ContainerPort, 1, 65535));
            }
        }
    }

    [Fact]
    public void A_valid_object_is_read() =>
        Assert.IsType<V1Deployment>(Assert.Single(StrictManifestReader.Read(ValidDeployment)));

    [Fact]
    public void An_unknown_field_is_refused() =>
        AssertRefused(ValidDeployment.Replace("  replicas: 2", "  replicas: 2\n  replica: 3", StringComparison.Ordinal), "replica");

    [Fact]
    public void A_value_of_the_wrong_type_is_refused() =>
        AssertRefused(ValidDeployment.Replace("replicas: 2", "replicas: two", StringComparison.Ordinal), "");

    [Fact]
    public void A_quoted_number_where_an_integer_belongs_is_refused() =>
        AssertRefused(ValidDeployment.Replace("containerPort: 8080", "containerPort: \"8080\"", StringComparison.Ordinal), "containerPort");

    [Fact]
    public void A_malformed_quantity_is_refused() =>
        AssertRefused(ValidDeployment.Replace("memory: 256Mi", "memory: 256 megabytes", StringComparison.Ordinal), "");

    [Fact]
    public void An_unknown_kind_is_refused() =>
        AssertRefused(ValidDeployment.Replace("kind: Deployment", "kind: Deploymnet", StringComparison.Ordinal), "Deploymnet");

    [Fact]
    public void A_field_at_the_wrong_level_is_refused() =>
        AssertRefused(ValidDeployment.Replace("      containers:", "      image: example:1.0.0\n      containers:", StringComparison.Ordinal), "image");

    private static void AssertRefused(string yaml, string mentioned)
    {
        var refusal = Assert.Throws<ManifestSchemaException>(() => StrictManifestReader.Read(yaml));
        Assert.Contains(mentioned, refusal.Message + refusal.InnerException?.Message, StringComparison.Ordinal);
    }
}
