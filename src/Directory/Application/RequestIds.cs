using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Application;

/// <summary>The request id a creator sends so that a retry creates nothing twice (AIP-155).</summary>
public static class RequestIds
{
    /// <summary>The key with its request id as a lower-case UUID; a request id that is not a UUID is a violation.</summary>
    public static IdempotencyKey? Normalize(IdempotencyKey? key, FieldViolations violations)
    {
        if (key is null)
        {
            return null;
        }

        var requestId = Normalize(key.RequestId, violations);
        return requestId.Length > 0 ? key with { RequestId = requestId } : null;
    }

    /// <summary>A UUID, lower-cased; "" when none was sent.</summary>
    public static string Normalize(string? requestId, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return "";
        }

        var ok = Guid.TryParse(requestId.Trim(), out var guid);
        violations.Check(ok, "request_id", "must be a UUID, e.g. \"5f0c6d9e-8a0b-4c1e-9d55-3b2a1f0e7c44\"");
        return ok ? guid.ToString("D") : "";
    }
}
