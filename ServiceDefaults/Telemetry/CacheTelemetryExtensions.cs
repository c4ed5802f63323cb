using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults.Telemetry;

public static class CacheTelemetryExtensions
{
    /// <summary>
    /// Wraps the registered HybridCache (whatever it is) so that its hit ratio is measured and its
    /// misses stay in the caller's trace (<see cref="ObservedHybridCache"/>).
    /// </summary>
    public static IServiceCollection AddCacheTelemetry(this IServiceCollection services)
    {
        services.Decorate<HybridCache>((inner, sp) => new ObservedHybridCache(
            inner, sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ServiceIdentity>()));
        return services;
    }
}
