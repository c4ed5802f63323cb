namespace TocMesh.AppHost;

/// <summary>
/// A local PostgreSQL server run as an executable, for machines without a container runtime: a
/// cluster in the data folder's <c>postgres</c> or in <c>Database:DataFolder</c> (made by initdb on
/// first start), run as the <c>postgres</c> user when the AppHost runs as root (postgres refuses root).
/// Password authentication only (scram-sha-256): the superuser's password is <paramref name="password"/>
/// (a generated secret parameter), which the connection string carries.
/// </summary>
public sealed class PostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new EndpointReference(this, EndpointName);

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}
