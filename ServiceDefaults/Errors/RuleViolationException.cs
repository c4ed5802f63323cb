namespace TocMesh.ServiceDefaults.Errors;

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
