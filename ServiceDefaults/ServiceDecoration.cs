using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults;

internal static class ServiceDecoration
{
    /// <summary>
    /// Replaces the last singleton registration of <typeparamref name="TService"/> with one that wraps
    /// it, whatever way it was registered (instance, factory or type). Later decorations wrap earlier ones.
    /// </summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"Register {typeof(TService).Name} before decorating it.");
        services.Remove(registered);
        services.AddSingleton(sp => decorate(
            (TService)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp));
        return services;
    }
}
