using Grpc.Core;
using Microsoft.AspNetCore.Http;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Refuses a call that presented a key we do not know, whatever the method and kind of call (streams
/// too: server reflection is a duplex stream); RESOURCE_EXHAUSTED for an address that failed too often.
/// </summary>
public sealed class CallerCheck(FailedAuthentications failures)
{
    /// <summary>The failure <see cref="ApiKeyAuthentication"/> recorded for this call's key, if any, as a status.</summary>
    public void Check(ServerCallContext context)
    {
        var failure = context.GetHttpContext().Features.Get<ApiKeyFailure>();
        if (failure is not null)
        {
            throw failure.AddressRefused
                ? new QuotaExceededException("this address (too many failed authentications)", failures.Window)
                : new UnauthenticatedException(failure.Message);
        }
    }
}
