namespace TocMesh.ServiceDefaults.Errors;

/// <summary>The caller's etag is not the resource's current one: ABORTED; read again and retry.</summary>
public sealed class EtagMismatchException(string resourceType, string resourceName)
    : DomainException($"{resourceType} '{resourceName}' was changed by someone else; read it again and retry with its new etag.", "ETAG_MISMATCH")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}
