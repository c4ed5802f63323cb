namespace TocMesh.ServiceDefaults.Errors;

/// <summary>PERMISSION_DENIED: the key is known but its roles do not allow this.</summary>
public sealed class PermissionDeniedException(string message, string requiredRole)
    : DomainException(message, "PERMISSION_DENIED")
{
    public string RequiredRole { get; } = requiredRole;
}
