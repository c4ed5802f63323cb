using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace TocMesh.Benchmarks;

/// <summary>
/// The floor under the baseline: Kestrel writing a recorded gRPC response as bytes (one frame, then
/// <c>grpc-status: 0</c> in the trailers) with no gRPC pipeline at all. What no gRPC server on this
/// machine can beat.
/// </summary>
public static class RawServer
{
    public static async Task RunAsync(int port, string responsesFolder)
    {
        var frames = System.IO.Directory.GetFiles(responsesFolder, "*.bin")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Frame(File.ReadAllBytes(f)), StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapPost("/{service}/{method}", async (HttpContext context, string method) =>
        {
            // Read the request as a server must, then answer with the recorded bytes.
            while ((await context.Request.BodyReader.ReadAsync()) is { IsCompleted: false } read)
            {
                context.Request.BodyReader.AdvanceTo(read.Buffer.End);
            }

            if (!frames.TryGetValue(method, out var frame))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.RunAsync();
    }

    /// <summary>A gRPC length-prefixed message: not compressed, four bytes of length, the message.</summary>
    public static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }
}
