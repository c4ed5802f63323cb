using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>Runs once the schema is current, to load a service's initial data; must be idempotent.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's own database: the connection string <c>&lt;service&gt;db</c> when configured,
    /// otherwise a SQLite file in the service's <c>data/</c> folder that survives restarts. The schema
    /// is migrated before the service takes calls, then every <see cref="IDataSeeder"/> runs.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, ServiceIdentity service)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(service.DatabaseName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, "data");
            System.IO.Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, service.Name + ".db")}";
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString)
        {
            // Readers and one writer at a time; a busy database waits rather than fails.
            DefaultTimeout = 30,
            Pooling = true,
        };
        var folderOfFile = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
        if (!string.IsNullOrEmpty(folderOfFile))
        {
            System.IO.Directory.CreateDirectory(folderOfFile);
        }

        builder.Services.AddDbContext<TContext>(options => options.UseSqlite(sqlite.ToString()));
        builder.Services.AddHostedService<DatabaseInitializer<TContext>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database",
            sp => new DatabaseHealthCheck<TContext>(sp),
            HealthStatus.Unhealthy,
            ["db"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }
}

/// <summary>Migrates the schema and seeds the initial data before the host starts taking calls.</summary>
internal sealed partial class DatabaseInitializer<TContext>(IServiceProvider services, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
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

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }

        LogReady(logger, typeof(TContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} is migrated and seeded")]
    private static partial void LogReady(ILogger logger, string context);
}

internal sealed class DatabaseHealthCheck<TContext>(IServiceProvider services) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
