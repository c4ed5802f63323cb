using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>One span as a service exported it.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// A real OTLP/gRPC endpoint on a loopback port that keeps every span the services export, so the
/// mesh tests can check what an operator would see in the dashboard.
/// </summary>
public sealed class TraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TraceReceiver(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public static async Task<TraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ConcurrentQueue<ReceivedSpan>>();
        var app = builder.Build();
        app.MapGrpcService<TraceExport>();
        await app.StartAsync();
        var address = app.Urls.Single();
        var receiver = new TraceReceiver(app, address);
        TraceExport.Sink = receiver.Spans;
        return receiver;
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

    private sealed class TraceExport : TraceService.TraceServiceBase
    {
        public static ConcurrentQueue<ReceivedSpan>? Sink { get; set; }

        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    Sink?.Enqueue(new ReceivedSpan(service, Convert.ToHexStringLower(span.TraceId.Span),
                        Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name));
                }
            }

            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }
}
