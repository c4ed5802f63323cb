using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TocMesh.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The share of new calls that start a recorded trace in <c>Production</c> unless configured.</summary>
    private const double ProductionSampleRatio = 0.1;

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the AppHost sets it to its dashboard). A trace is a
    /// call: it starts at a server span named by its gRPC method and follows the call through the
    /// cache, the database and the services it calls; background work starts none
    /// (<see cref="IncomingCallSampler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceTelemetry(this IHostApplicationBuilder builder, ServiceIdentity service)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // W3C trace context only. ASP.NET Core already reads traceparent and baggage into each call's
        // activity, and HttpClient and gRPC clients write them from it; with the SDK's default
        // (trace context and baggage) OpenTelemetry's ASP.NET Core listener parsed the same headers
        // again on every call, sampled or not, for an OpenTelemetry Baggage API nothing here reads
        // (1.8 % of a cached read's CPU, perf).
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(service.TelemetryName, "Microsoft.Extensions.Caching.Hybrid"))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new IncomingCallSampler(CallSampler(builder.Configuration, builder.Environment))))
                .AddSource(builder.Environment.ApplicationName, service.TelemetryName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // The AppHost's health probes are not calls anyone wants to trace.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/grpc.health.v1.Health");
                    o.EnrichWithHttpResponse = (activity, response) => GrpcServerSpans.Name(activity, response.HttpContext);
                })
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddRedisInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>Telemetry:TraceSampleRatio</c> decides how many calls start a recorded trace: unless it is set,
    /// <see cref="ProductionSampleRatio"/> in <c>Production</c> (a deployment, the container image) and
    /// every call elsewhere (the AppHost's mesh, tests). A call that arrives inside a trace follows its
    /// caller's decision (parent-based), so a trace is recorded whole or not at all even where services
    /// run different ratios.
    /// </summary>
    private static Sampler CallSampler(IConfiguration configuration, IHostEnvironment environment)
    {
        var ratio = configuration.GetValue("Telemetry:TraceSampleRatio", environment.IsProduction() ? ProductionSampleRatio : 1.0);
        return new ParentBasedSampler(ratio >= 1.0 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(ratio));
    }
}
