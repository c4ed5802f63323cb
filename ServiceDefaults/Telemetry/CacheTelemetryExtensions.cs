using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults.Telemetry;

public static class CacheTelemetryExtensions
{
    /// <summary>
    /// Wraps the registered HybridCache (whatever it is) so that its misses stay in the caller's
    /// trace (<see cref="TracedHybridCache"/>) and its hit ratio is measured (<see cref="MeteredHybridCache"/>).
    /// </summary>
    public static IServiceCollection AddCacheTelemetry(this IServiceCollection services)
    {
        services.Decorate<HybridCache>((inner, _) => new TracedHybridCache(inner));
        services.Decorate<HybridCache>((inner, sp) => new MeteredHybridCache(
            inner, sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ServiceIdentity>()));
        return services;
    }
}
