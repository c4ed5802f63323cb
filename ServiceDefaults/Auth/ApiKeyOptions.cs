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

    /// <summary>
    /// This service's own key, sent as <c>authorization: Bearer &lt;key&gt;</c> on its calls to the other
    /// services (environment <c>Auth__ServiceKey</c>). The called services know its SHA-256 with agency
    /// <c>service:&lt;name&gt;</c> and role <c>service</c>. Unset: the calls are anonymous.
    /// </summary>
    public string? ServiceKey { get; set; }
}
