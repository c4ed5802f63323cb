using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Google.Protobuf.Collections;

namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>
/// A real OTLP/gRPC endpoint on a loopback port that keeps every span and log record the services
/// export, from their first moment on, so the mesh tests can check what an operator would see in the
/// dashboard. Metrics are accepted and dropped.
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Sink _sink;

    private TelemetryReceiver(WebApplication app, string endpoint, Sink sink)
    {
        _app = app;
        Endpoint = endpoint;
        _sink = sink;
    }

    /// <summary>The address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (protocol grpc).</summary>
    public string Endpoint { get; }

    /// <summary>Every span received so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => [.. _sink.Spans];

    /// <summary>Every log record received so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedLog> Logs => [.. _sink.Logs];

    public static async Task<TelemetryReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the server holds the port it was given, and its address says which one.
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 64 * 1024 * 1024);
        // Each receiver its own sink: two meshes may run in this process.
        var sink = new Sink();
        builder.Services.AddSingleton(sink);
        var app = builder.Build();
        app.MapGrpcService<TraceExport>();
        app.MapGrpcService<LogsExport>();
        app.MapGrpcService<MetricsExport>();
        await app.StartAsync();
        return new TelemetryReceiver(app, app.Urls.Single(), sink);
    }

    /// <summary>
    /// Waits until the spans of some trace whose first span started at or after <paramref name="since"/>
    /// satisfy <paramref name="complete"/>; empty when none did in time.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(
        DateTimeOffset since, TimeSpan timeout, Func<IReadOnlyList<ReceivedSpan>, bool> complete)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var trace = Spans.GroupBy(s => s.TraceId)
                .Select(t => t.ToList())
                .Where(t => t.Min(s => s.Start) >= since)
                .FirstOrDefault(complete);
            if (trace is not null)
            {
                return trace;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return [];
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the spans received; returns them either way.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(TimeSpan timeout, Func<IReadOnlyList<ReceivedSpan>, bool> done)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = Spans;
            if (done(spans) || DateTime.UtcNow >= deadline)
            {
                return spans;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Attributes(RepeatedField<KeyValue>? attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Key] = Text(attribute.Value);
        }

        return result;
    }

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private static DateTimeOffset FromUnixNanoseconds(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));

    private sealed class Sink
    {
        public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

        public ConcurrentQueue<ReceivedLog> Logs { get; } = new();
    }

    private sealed class TraceExport(Sink sink) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var resource = Attributes(resourceSpans.Resource?.Attributes);
                foreach (var scopeSpans in resourceSpans.ScopeSpans)
                {
                    foreach (var span in scopeSpans.Spans)
                    {
                        sink.Spans.Enqueue(new ReceivedSpan(
                            resource.GetValueOrDefault("service.name", ""),
                            resource.GetValueOrDefault("service.instance.id", ""),
                            scopeSpans.Scope?.Name ?? "",
                            Convert.ToHexStringLower(span.TraceId.Span),
                            Convert.ToHexStringLower(span.SpanId.Span),
                            Convert.ToHexStringLower(span.ParentSpanId.Span),
                            span.Name,
                            (SpanKind)span.Kind,
                            FromUnixNanoseconds(span.StartTimeUnixNano),
                            Attributes(span.Attributes)));
                    }
                }
            }

            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class LogsExport(Sink sink) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            foreach (var resourceLogs in request.ResourceLogs)
            {
                var resource = Attributes(resourceLogs.Resource?.Attributes);
                foreach (var scopeLogs in resourceLogs.ScopeLogs)
                {
                    foreach (var record in scopeLogs.LogRecords)
                    {
                        sink.Logs.Enqueue(new ReceivedLog(
                            resource.GetValueOrDefault("service.name", ""),
                            resource.GetValueOrDefault("service.instance.id", ""),
                            scopeLogs.Scope?.Name ?? "",
                            record.SeverityNumber,
                            Text(record.Body),
                            FromUnixNanoseconds(record.TimeUnixNano),
                            Attributes(record.Attributes)));
                    }
                }
            }

            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }

    private sealed class MetricsExport : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
            Task.FromResult(new ExportMetricsServiceResponse());
    }
}
