namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// A failure the caller can act on. Domain code throws these; <see cref="ErrorStatusInterceptor"/>
/// turns them into gRPC statuses with rich details, so domain code never touches gRPC types.
/// </summary>
public abstract class DomainException(string message, string reason) : Exception(message)
{
    /// <summary>A stable, UPPER_SNAKE_CASE reason for <c>google.rpc.ErrorInfo</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>Extra facts for <c>ErrorInfo.metadata</c>; never personal data.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}

/// <summary>One field of a request that is not acceptable, and why.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: INVALID_ARGUMENT with one <c>BadRequest.FieldViolation</c> per problem.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(Describe(violations), "INVALID_ARGUMENT")
{
    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    private static string Describe(IReadOnlyList<FieldViolation> violations) => violations.Count switch
    {
        0 => "The request is not valid.",
        1 => $"{violations[0].Field}: {violations[0].Description}",
        _ => $"{violations.Count} fields are not valid: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}",
    };
}

/// <summary>NOT_FOUND, with <c>ResourceInfo</c>.</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : DomainException($"{resourceType} '{resourceName}' was not found.", "NOT_FOUND")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}

/// <summary>ALREADY_EXISTS, with <c>ResourceInfo</c>.</summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName, string? detail = null)
    : DomainException(detail ?? $"{resourceType} '{resourceName}' already exists.", "ALREADY_EXISTS")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}

/// <summary>
/// A domain rule the request would break: FAILED_PRECONDITION with a <c>PreconditionFailure</c>
/// naming the rule (<paramref name="rule"/>, e.g. "PROTOCOL_REQUIRES_PARENT") and its subject.
/// </summary>
public sealed class RuleViolationException(string rule, string subject, string description)
    : DomainException(description, rule)
{
    public string Rule { get; } = rule;
    public string Subject { get; } = subject;
}

/// <summary>The caller's etag is not the resource's current one: ABORTED; read again and retry.</summary>
public sealed class EtagMismatchException(string resourceType, string resourceName)
    : DomainException($"{resourceType} '{resourceName}' was changed by someone else; read it again and retry with its new etag.", "ETAG_MISMATCH")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceName { get; } = resourceName;
}

/// <summary>UNAUTHENTICATED: no key, or a key that is not recognised, where one is needed.</summary>
public sealed class UnauthenticatedException(string message) : DomainException(message, "API_KEY_REQUIRED");

/// <summary>PERMISSION_DENIED: the key is known but its roles do not allow this.</summary>
public sealed class PermissionDeniedException(string message, string requiredRole)
    : DomainException(message, "PERMISSION_DENIED")
{
    public string RequiredRole { get; } = requiredRole;
}

/// <summary>UNAVAILABLE: a dependency the request cannot do without is down; retry later.</summary>
public sealed class DependencyUnavailableException(string dependency, string message)
    : DomainException(message, "DEPENDENCY_UNAVAILABLE")
{
    public string Dependency { get; } = dependency;
}

/// <summary>RESOURCE_EXHAUSTED: the agency's call rate is over its quota; retry after <see cref="RetryAfter"/>.</summary>
public sealed class QuotaExceededException(string subject, TimeSpan retryAfter)
    : DomainException($"Too many calls from {subject}; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.", "RATE_LIMITED")
{
    public string Subject { get; } = subject;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
