using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace TocMesh.TestSupport;

/// <summary>Asserts on the gRPC status model: codes and rich details, as a partner would read them.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> ThrowsAsync(StatusCode expected, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(e.StatusCode == expected, $"Expected {expected} but got {e.StatusCode}: {e.Status.Detail}");
        return e;
    }

    /// <summary>INVALID_ARGUMENT whose BadRequest names <paramref name="fields"/> (and returns every violation).</summary>
    public static async Task<BadRequest> InvalidArgumentAsync(Func<Task> call, params string[] fields)
    {
        var e = await ThrowsAsync(StatusCode.InvalidArgument, call);
        var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        foreach (var field in fields)
        {
            Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
        }

        return badRequest;
    }

    public static ErrorInfo? ErrorInfo(this RpcException e) => e.GetRpcStatus()?.GetDetail<ErrorInfo>();
}
