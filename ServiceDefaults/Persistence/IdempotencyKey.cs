using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// A create's request id as AIP-155 scopes it: to the calling agency and the method, with the
/// fingerprint of the request it came with (SHA-256 of the message serialized with
/// <c>request_id</c> cleared), so a retry is told from another request sent under the same id.
/// </summary>
public sealed record IdempotencyKey(string Caller, string Method, string RequestId, string Fingerprint)
{
    public const int MaxRequestIdLength = 100;
    private const string RequestIdField = "request_id";

    /// <summary>
    /// The key of this call, or null when the request carries no request id or the caller is
    /// anonymous (an anonymous write is refused anyway). A request id over
    /// <see cref="MaxRequestIdLength"/> characters is a violation of <c>request_id</c>.
    /// </summary>
    public static IdempotencyKey? Of(ServerCallContext context, IMessage request, FieldViolations violations)
    {
        var field = request.Descriptor.FindFieldByName(RequestIdField);
        if (field is not { FieldType: FieldType.String, IsRepeated: false } || field.Accessor.GetValue(request) is not string raw
            || string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var requestId = raw.Trim();
        if (requestId.Length > MaxRequestIdLength)
        {
            violations.Add(RequestIdField, $"must be at most {MaxRequestIdLength} characters");
            return null;
        }

        var caller = context.GetCaller();
        return caller.Agency is null ? null : new IdempotencyKey(caller.Agency, context.Method, requestId, FingerprintOf(request, field));
    }

    /// <summary>
    /// SHA-256 of the request with its request id cleared. Protobuf's binary form is the same for the
    /// same message here (fields in number order, no maps in any request), whether it came over gRPC or JSON.
    /// </summary>
    public static string FingerprintOf(IMessage request, FieldDescriptor requestIdField)
    {
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        requestIdField.Accessor.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }
}
