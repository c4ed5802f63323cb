namespace TocMesh.ServiceDefaults.Errors;

/// <summary>UNAUTHENTICATED: no key, or a key that is not recognised, where one is needed.</summary>
public sealed class UnauthenticatedException(string message) : DomainException(message, "API_KEY_REQUIRED");
