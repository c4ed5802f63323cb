using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.OpenApi;
using TocMesh.ServiceDefaults.Telemetry;

namespace TocMesh.ServiceDefaults;

/// <summary>What every TocMesh service shares; a service's Program.cs calls this first.</summary>
public static class Extensions
{
    /// <summary>
    /// Telemetry, health, service discovery, the gRPC pipeline (error mapping, API keys, reflection),
    /// and HybridCache (with Redis when configured) for the service named <paramref name="serviceName"/>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName, Action<GrpcServiceOptions>? configureGrpc = null)
        where TBuilder : IHostApplicationBuilder
    {
        var service = new ServiceIdentity(serviceName);
        builder.Services.AddSingleton(service);
        // The one clock: every "today" comes from it, so a test that moves it moves every date.
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddServiceLoggingDefaults();
        builder.AddServiceTelemetry(service);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddServiceDiscovery();
        builder.Services.AddTlsEndpoints(builder.Configuration);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

        if (builder.Configuration[$"{ApiKeyOptions.Section}:KeysFile"] is { Length: > 0 } keysFile)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(keysFile), optional: true, reloadOnChange: true);
        }

        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section);
        builder.Services.AddSingleton<ApiKeyRegistry>();
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, builder.Configuration));

        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddSingleton<RateLimitCheck>();
        builder.Services.AddSingleton<CallMetrics>();
        builder.Services.AddSingleton<ReportRenderMetrics>();
        // Stateless: one instance each instead of one per call.
        builder.Services.AddSingleton<ErrorStatus>();
        builder.Services.AddSingleton<CallerCheck>();
        builder.Services.AddSingleton<RequestBounds>();
        builder.Services.AddSingleton<ServerCallInterceptor>();

        builder.Services.AddGrpc(options =>
        {
            // Metrics, error statuses, the caller and quota checks and the declared bounds, as one layer.
            options.Interceptors.Add<ServerCallInterceptor>();
            // No request of any contract comes near this; a larger one is RESOURCE_EXHAUSTED before it is parsed.
            options.MaxReceiveMessageSize = builder.Configuration.GetValue("Grpc:MaxReceiveMessageSize", 4 * 1024 * 1024);
            options.EnableDetailedErrors = false;
            // No catch-all routes for unknown services and methods, which every call's route match
            // visited; UnimplementedGrpcCalls answers those calls instead.
            options.IgnoreUnknownServices = true;
            configureGrpc?.Invoke(options);
        }).AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        builder.AddServiceOpenApi(service);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();

        builder.AddServiceCaching(service);
        builder.Services.AddCacheTelemetry();
        return builder;
    }

    /// <summary>
    /// The service's gRPC class, registered so that gRPC takes it from the container for each call
    /// instead of making it with <c>ActivatorUtilities</c>, which looked each constructor argument up
    /// on its own (3.5 % of a cached read's CPU in a perf profile, with eleven arguments); the container
    /// compiles the whole construction once. Transient: gRPC asks for one per call anyway.
    /// </summary>
    public static IHostApplicationBuilder AddGrpcServiceClass<TService>(this IHostApplicationBuilder builder)
        where TService : class
    {
        builder.Services.AddTransient<TService>();
        return builder;
    }

    /// <summary>The endpoints every service exposes: <c>grpc.health.v1</c> and server reflection.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // JSON over HTTP for partners without gRPC tooling: /v1/... and its OpenAPI document.
        // An endpoint, not a middleware: a middleware resolved the document generator for every call,
        // and the generator (with the XML documentation it reads) is now built on the first request
        // for the document only.
        app.MapSwagger("/openapi/{documentName}.json");
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>
    /// The client's address first (from trusted proxies only), then no tags for the activity of a call
    /// left out of tracing, the answer to a gRPC call that routing found no method for, then
    /// authentication, which must run before the gRPC endpoints read the caller.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<UnrecordedCallTags>();
        app.UseMiddleware<UnimplementedGrpcCalls>();
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.UseMiddleware<ApiKeyAuthentication>();
        // A call without a deadline is still bounded; streaming methods opt out with [DisableRequestTimeout].
        app.UseMiddleware<ServerTimeouts>(app.Configuration.GetValue("Grpc:ServerTimeout", TimeSpan.FromSeconds(30)));
        return app;
    }
}
