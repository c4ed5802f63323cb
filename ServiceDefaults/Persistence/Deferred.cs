using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// A call-scoped service resolved on first use. The gRPC service classes are created for every call,
/// and most calls are reads answered from the cache: taking their stores as <see cref="Deferred{T}"/>
/// means such a call neither resolves the stores nor leases a database context from the pool.
/// </summary>
/// <remarks>
/// Registered for every <c>T</c> by <see cref="PersistenceExtensions"/>; resolves from the call's
/// scope. Not <see cref="Lazy{T}"/>: that costs a delegate and a lock mode per store and call, and a
/// call's service class is used by that call alone.
/// </remarks>
public sealed class Deferred<T>(IServiceProvider services)
    where T : notnull
{
    private T? _value;

    public T Value => _value ??= services.GetRequiredService<T>();
}
