using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Reads <c>authorization: Bearer &lt;key&gt;</c>. No header: anonymous (public reads need no key).
/// A header with an unknown key fails, and the call is refused as UNAUTHENTICATED; each failure is
/// counted against the client's address, which after too many is refused without a look at its key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry registry, FailedAuthentications failures)
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

        var address = Context.ClientAddress();
        if (failures.IsRefused(address))
        {
            Context.Items[FailedAuthentications.RefusedItem] = true;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed authentications from this address; retry later."));
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length == prefix.Length)
        {
            const string malformed = "The authorization metadata must be 'Bearer <key>'.";
            failures.Record(address, malformed, keyHash: null);
            return Task.FromResult(AuthenticateResult.Fail(malformed));
        }

        var hash = ApiKeyRegistry.Hash(header[prefix.Length..].Trim());
        var entry = registry.FindByHash(hash);
        if (entry is null)
        {
            const string unknown = "The API key is not recognised.";
            failures.Record(address, unknown, hash);
            return Task.FromResult(AuthenticateResult.Fail(unknown));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, entry.Agency), new(AgencyClaim, entry.Agency) };
        claims.AddRange(entry.Roles.Select(r => new Claim(ClaimTypes.Role, r.Trim())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
