namespace TocMesh.ServiceDefaults.Errors;

/// <summary>RESOURCE_EXHAUSTED: the agency's call rate is over its quota; retry after <see cref="RetryAfter"/>.</summary>
public sealed class QuotaExceededException(string subject, TimeSpan retryAfter)
    : DomainException($"Too many calls from {subject}; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.", "RATE_LIMITED")
{
    public string Subject { get; } = subject;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
