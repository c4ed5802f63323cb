using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// A call-scoped service resolved on first use. The gRPC service classes are created for every call,
/// and most calls are reads answered from the cache: taking their stores as <see cref="Lazy{T}"/>
/// means such a call neither resolves the stores nor leases a database context from the pool.
/// </summary>
/// <remarks>Registered for every <c>Lazy&lt;T&gt;</c> by <see cref="PersistenceExtensions"/>; resolves from the call's scope.</remarks>
public sealed class Deferred<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>, LazyThreadSafetyMode.None)
    where T : notnull;
