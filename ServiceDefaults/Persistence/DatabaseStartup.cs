using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// The first hosted service of a service with a database: its start migrates and seeds every
/// database, in the order they were added, and the host starts nothing else until it has.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAndSeedAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var migrator in services.GetServices<IDatabaseMigrator>())
        {
            await migrator.MigrateAndSeedAsync(cancellationToken);
        }
    }
}
