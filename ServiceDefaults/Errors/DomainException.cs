namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// A failure the caller can act on. Domain code throws these; <see cref="ErrorStatus"/>
/// turns them into gRPC statuses with rich details, so domain code never touches gRPC types.
/// </summary>
public abstract class DomainException(string message, string reason) : Exception(message)
{
    /// <summary>A stable, UPPER_SNAKE_CASE reason for <c>google.rpc.ErrorInfo</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>Extra facts for <c>ErrorInfo.metadata</c>; never personal data.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}
