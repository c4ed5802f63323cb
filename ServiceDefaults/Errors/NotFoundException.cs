namespace TocMesh.ServiceDefaults.Errors;

/// <summary>NOT_FOUND, with <c>ResourceInfo</c>.</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : DomainException($"{resourceType} '{resourceName}' was not found.", "NOT_FOUND")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}
