namespace TocMesh.Deploy.Tests;

/// <summary>A rendered manifest that does not match the Kubernetes object schemas.</summary>
public sealed class ManifestSchemaException : Exception
{
    public ManifestSchemaException(string message) : base(message)
    {
    }

    public ManifestSchemaException(string message, Exception inner) : base(message, inner)
    {
    }
}
