using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// Migrates and seeds every database of the service, in the order they were added, once per process:
/// <see cref="PersistenceExtensions.RunOrMigrate"/> does it before the host starts, and as the host's
/// first hosted service it does it for a host started some other way (an in-process test server),
/// before the host starts anything else.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services) : IHostedService
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public Task StartAsync(CancellationToken cancellationToken) => MigrateAndSeedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            foreach (var migrator in services.GetServices<IDatabaseMigrator>())
            {
                await migrator.MigrateAndSeedAsync(cancellationToken);
            }

            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
