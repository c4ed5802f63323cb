using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

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
