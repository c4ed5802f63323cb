using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults.Telemetry;

public static class CacheMetricsExtensions
{
    /// <summary>Wraps the registered HybridCache (whatever it is) in <see cref="MeteredHybridCache"/>.</summary>
    public static IServiceCollection AddCacheMetrics(this IServiceCollection services)
    {
        services.Decorate<HybridCache>((inner, sp) => new MeteredHybridCache(
            inner, sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ServiceIdentity>()));
        return services;
    }
}
