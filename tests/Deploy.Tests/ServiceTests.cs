using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>Each service's Service: the partner ports and the mesh port, with the protocols they speak.</summary>
public sealed class ServiceTests
{
    public static TheoryData<string, string> Cases => Deploy.Tests.Cases.ServicesOfEveryMeshOverlay;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exposes_grpc_and_json_to_partners_and_the_mesh_port_to_the_services(string overlay, string service)
    {
        var manifests = Manifests.Of(overlay);
        var exposed = manifests.Single<V1Service>(service);
        var tls = Deploy.Tests.Cases.ServesTls(overlay);

        var expected = new (string Name, int Port, string Protocol)[]
        {
            ("grpc", Mesh.GrpcPort, tls ? "https" : "kubernetes.io/h2c"),
            ("json", Mesh.JsonPort, tls ? "https" : "http"),
            ("mesh", Mesh.MeshPort, "kubernetes.io/h2c"),
        };
        Assert.Equal(expected, exposed.Spec.Ports.Select(p => (p.Name, p.Port, p.AppProtocol)).ToArray());
        Assert.Equal("ClusterIP", exposed.Spec.Type);

        var pod = manifests.Deployment(service).Spec.Template;
        Assert.True(LabelSelectors.Matches(new V1LabelSelector { MatchLabels = exposed.Spec.Selector }, pod.Metadata.Labels));
        var ports = pod.Spec.Containers.SelectMany(c => c.Ports ?? []).ToList();
        foreach (var port in exposed.Spec.Ports)
        {
            var target = Assert.Single(ports, p => p.Name == port.TargetPort.Value);
            Assert.Equal(port.Port, target.ContainerPort);
        }
    }
}
