using Microsoft.AspNetCore.Http;

namespace TocMesh.ServiceDefaults;

/// <summary>Whether an HTTP request is a gRPC call (<c>application/grpc</c>, <c>+proto</c>, <c>-web</c>), by its content type.</summary>
internal static class GrpcRequests
{
    public static bool IsGrpc(this HttpRequest request) => IsGrpc(request.ContentType);

    /// <summary>Media types compare without case.</summary>
    public static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
