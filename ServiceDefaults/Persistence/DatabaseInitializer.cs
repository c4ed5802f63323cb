using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>Migrates the schema of <typeparamref name="TContext"/>'s database and seeds its initial data.</summary>
internal sealed partial class DatabaseInitializer<TContext>(IServiceProvider services, ILogger<DatabaseInitializer<TContext>> logger)
    : IDatabaseMigrator where TContext : DbContext
{
    public async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            // WAL: readers never wait for the writer, and a committed write survives a killed process.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // Replicas start together on one empty PostgreSQL database: one migrates and seeds while the
        // others wait, then find the schema current and the data there. EF's own migration lock comes
        // after it creates the history table (two CREATE TABLE IF NOT EXISTS at once can still fail)
        // and does not cover the seeders.
        await using (await MigrationLock.AcquireAsync(db, cancellationToken))
        {
            // On an empty PostgreSQL database EF looks for its history table with a query that fails,
            // which it logs as an error: make the (empty) table first, as EF itself would.
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        LogReady(logger, db.GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} is migrated and seeded")]
    private static partial void LogReady(ILogger logger, string context);
}
