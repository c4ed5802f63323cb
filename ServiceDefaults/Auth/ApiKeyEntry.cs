namespace TocMesh.ServiceDefaults.Auth;

/// <summary>One partner key as configuration holds it: never the key, only its SHA-256.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The agency the key belongs to, e.g. "UNODC"; shown in change history.</summary>
    public string Agency { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
