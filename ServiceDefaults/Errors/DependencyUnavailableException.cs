namespace TocMesh.ServiceDefaults.Errors;

/// <summary>UNAVAILABLE: a dependency the request cannot do without is down; retry later.</summary>
public sealed class DependencyUnavailableException(string dependency, string message)
    : DomainException(message, "DEPENDENCY_UNAVAILABLE")
{
    public string Dependency { get; } = dependency;
}
