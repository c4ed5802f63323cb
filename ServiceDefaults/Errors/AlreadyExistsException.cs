namespace TocMesh.ServiceDefaults.Errors;

/// <summary>ALREADY_EXISTS, with <c>ResourceInfo</c>.</summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName, string? detail = null)
    : DomainException(detail ?? $"{resourceType} '{resourceName}' already exists.", "ALREADY_EXISTS")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}
