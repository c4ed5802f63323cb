using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>One span as a service exported it; <c>Instance</c> is the process's <c>service.instance.id</c> (each replica has its own).</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, string Instance = "");

/// <summary>
/// A real OTLP/gRPC endpoint on a loopback port that keeps every span the services export, so the
/// mesh tests can check what an operator would see in the dashboard.
/// </summary>
public sealed class TraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TraceReceiver(WebApplication app, string endpoint, ConcurrentQueue<ReceivedSpan> spans)
    {
        _app = app;
        Endpoint = endpoint;
        Spans = spans;
    }

    public string Endpoint { get; }

    public ConcurrentQueue<ReceivedSpan> Spans { get; }

    public static async Task<TraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // Each receiver its own spans: two meshes may run at once in this process.
        var spans = new ConcurrentQueue<ReceivedSpan>();
        builder.Services.AddSingleton(spans);
        var app = builder.Build();
        app.MapGrpcService<TraceExport>();
        await app.StartAsync();
        var address = app.Urls.Single();
        return new TraceReceiver(app, address, spans);
    }

    /// <summary>Waits until the spans of some trace satisfy <paramref name="complete"/>; empty when none did in time.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(TimeSpan timeout, Func<IReadOnlyList<ReceivedSpan>, bool> complete)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var trace = Spans.GroupBy(s => s.TraceId).Select(t => t.ToList())
                .FirstOrDefault(t => complete(t));
            if (trace is not null)
            {
                return trace.ToList();
            }

            await Task.Delay(200);
        }

        return [];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class TraceExport(ConcurrentQueue<ReceivedSpan> sink) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                var instance = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.instance.id")?.Value?.StringValue ?? "";
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    sink.Enqueue(new ReceivedSpan(service, Convert.ToHexStringLower(span.TraceId.Span),
                        Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name, instance));
                }
            }

            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }
}
