using System.Collections.Frozen;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

/// <summary>The configured keys, indexed by hash, rebuilt when configuration changes.</summary>
public sealed class ApiKeyRegistry : IDisposable
{
    private readonly IDisposable? _subscription;
    private FrozenDictionary<string, ApiKeyEntry> _byHash;

    public ApiKeyRegistry(IOptionsMonitor<ApiKeyOptions> options)
    {
        _byHash = Index(options.CurrentValue);
        _subscription = options.OnChange(o => _byHash = Index(o));
    }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ApiKeyEntry? Find(string key) => _byHash.GetValueOrDefault(Hash(key));

    public void Dispose() => _subscription?.Dispose();

    private static FrozenDictionary<string, ApiKeyEntry> Index(ApiKeyOptions options) =>
        options.ApiKeys.Concat(options.IssuedKeys)
            .Where(k => !string.IsNullOrWhiteSpace(k.Sha256))
            .GroupBy(k => k.Sha256.Trim().ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => g.Last());
}

/// <summary>
/// Reads <c>authorization: Bearer &lt;key&gt;</c>. No header: anonymous (public reads need no key).
/// A header with an unknown key fails, and the call is refused as UNAUTHENTICATED.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AgencyClaim = "tocmesh:agency";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length == prefix.Length)
        {
            return Task.FromResult(AuthenticateResult.Fail("The authorization metadata must be 'Bearer <key>'."));
        }

        var entry = registry.Find(header[prefix.Length..].Trim());
        if (entry is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not recognised."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, entry.Agency), new(AgencyClaim, entry.Agency) };
        claims.AddRange(entry.Roles.Select(r => new Claim(ClaimTypes.Role, r.Trim())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
