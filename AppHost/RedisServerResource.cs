namespace TocMesh.AppHost;

/// <summary>
/// A local <c>redis-server</c> run as an executable, for machines without a container runtime; it
/// requires <paramref name="password"/> (a generated secret parameter), which its connection string carries.
/// </summary>
public sealed class RedisServerResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new EndpointReference(this, EndpointName);

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={Password}");
}
