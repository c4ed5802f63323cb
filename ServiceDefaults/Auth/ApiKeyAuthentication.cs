using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Reads <c>authorization: Bearer &lt;key&gt;</c>. No header: anonymous (public reads need no key), and
/// nothing else is done for the call. A known key makes the call's <see cref="Caller"/> (a feature of
/// the call, read by <see cref="CallerExtensions.GetCaller(HttpContext)"/>); an
/// unknown or malformed one leaves the call anonymous with an <see cref="ApiKeyFailure"/>, which the
/// caller check answers UNAUTHENTICATED. Each failure is counted against the client's address, which
/// after too many is refused without a look at its key.
/// </summary>
/// <remarks>
/// A middleware of its own rather than an ASP.NET Core authentication scheme: the scheme machinery
/// (handler resolution per call, the authorization middleware behind it, data protection and its key
/// ring at start) cost about a sixth of a cached read's time in the profile (docs/performance.md), and
/// the services use none of what it offers beyond this one header.
/// </remarks>
public sealed class ApiKeyAuthentication(RequestDelegate next, ApiKeyRegistry registry, FailedAuthentications failures)
{
    public Task InvokeAsync(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
        {
            Authenticate(context, header);
        }

        return next(context);
    }

    private void Authenticate(HttpContext context, string header)
    {
        var address = context.ClientAddress();
        if (failures.IsRefused(address))
        {
            context.Features.Set(new ApiKeyFailure("Too many failed authentications from this address; retry later.", AddressRefused: true));
            return;
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length == prefix.Length)
        {
            const string malformed = "The authorization metadata must be 'Bearer <key>'.";
            failures.Record(address, malformed, keyHash: null);
            context.Features.Set(new ApiKeyFailure(malformed, AddressRefused: false));
            return;
        }

        var hash = ApiKeyRegistry.Hash(header[prefix.Length..].Trim());
        var caller = registry.FindByHash(hash);
        if (caller is null)
        {
            const string unknown = "The API key is not recognised.";
            failures.Record(address, unknown, hash);
            context.Features.Set(new ApiKeyFailure(unknown, AddressRefused: false));
            return;
        }

        context.Features.Set(caller);
    }
}

/// <summary>Why a call's key was refused; <paramref name="AddressRefused"/> when its address failed too often to be checked.</summary>
public sealed record ApiKeyFailure(string Message, bool AddressRefused);
