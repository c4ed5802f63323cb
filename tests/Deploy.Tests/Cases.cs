namespace TocMesh.Deploy.Tests;

/// <summary>Test cases over the rendered mesh overlays.</summary>
public static class Cases
{
    /// <summary>Every service in every overlay of the whole mesh.</summary>
    public static TheoryData<string, string> ServicesOfEveryMeshOverlay
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var overlay in Mesh.MeshOverlays)
            {
                foreach (var service in Mesh.Services)
                {
                    data.Add(overlay, service);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> MeshOverlays => [.. Mesh.MeshOverlays];

    /// <summary>Overlays whose services serve TLS on their partner ports themselves.</summary>
    public static bool ServesTls(string overlay) => overlay.EndsWith("/ha", StringComparison.Ordinal);
}
