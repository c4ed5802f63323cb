namespace TocMesh.ServiceDefaults.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    /// <summary>Keys given in configuration (appsettings, environment, secrets).</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Keys issued by operators with <c>tocmesh keys issue</c>, read from <c>Auth:KeysFile</c>.</summary>
    public List<ApiKeyEntry> IssuedKeys { get; set; } = [];

    /// <summary>
    /// A JSON file <c>{"Auth":{"IssuedKeys":[...]}}</c> shared by the services of a deployment and
    /// watched for changes, so an issued or revoked key takes effect without a restart.
    /// </summary>
    public string? KeysFile { get; set; }
}
