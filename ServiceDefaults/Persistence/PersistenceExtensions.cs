using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>Runs once the schema is current, to load a service's initial data; must be idempotent.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>The database engines a service runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class PersistenceExtensions
{
    /// <summary>The command-line argument that migrates and seeds the database, then exits without serving.</summary>
    public const string MigrateOnlyArgument = "--migrate-only";

    /// <summary>
    /// The service's own database: the connection string <c>&lt;service&gt;db</c> when configured,
    /// otherwise a SQLite file in the service's <c>data/</c> folder that survives restarts. A
    /// PostgreSQL connection string (<c>Host=...;Database=...</c>) runs the service on PostgreSQL with
    /// <typeparamref name="TPostgres"/>; anything else on SQLite with <typeparamref name="TSqlite"/>.
    /// Each provider has its own migrations (they live with the derived context of that provider).
    /// The schema is migrated before the service takes calls, then every <see cref="IDataSeeder"/> runs.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, ServiceIdentity service)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var connectionString = builder.Configuration.GetConnectionString(service.DatabaseName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, "data");
            System.IO.Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, service.Name + ".db")}";
        }

        if (ProviderOf(connectionString) == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<TContext, TPostgres>(options => options.UsePostgres(connectionString));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString);
            var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(sqlite).DefaultTimeout));
            builder.Services.AddDbContext<TContext, TSqlite>(options => options.UseSqlite(sqlite).AddInterceptors(busyTimeout));
        }

        builder.Services.AddSingleton<DatabaseInitializer<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer<TContext>>());
        builder.Services.AddSingleton<IDatabaseMigrator>(sp => sp.GetRequiredService<DatabaseInitializer<TContext>>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database",
            sp => new DatabaseHealthCheck<TContext>(sp),
            HealthStatus.Unhealthy,
            ["db"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// PostgreSQL when the connection string names a host (<c>Host=</c> or <c>Server=</c>), or is a
    /// <c>postgres://</c> URI; SQLite otherwise (<c>Data Source=</c>).
    /// </summary>
    public static DatabaseProvider ProviderOf(string connectionString)
    {
        if (connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.ContainsKey("Host") || keys.ContainsKey("Server") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    }

    /// <summary>Npgsql with the options every service uses.</summary>
    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>
    /// With <see cref="MigrateOnlyArgument"/> among <paramref name="args"/>: migrates and seeds the
    /// database, then returns (a deployment step); otherwise runs the service.
    /// </summary>
    public static void RunOrMigrate(this WebApplication app, string[] args)
    {
        if (!args.Contains(MigrateOnlyArgument, StringComparer.Ordinal))
        {
            app.Run();
            return;
        }

        foreach (var migrator in app.Services.GetServices<IDatabaseMigrator>())
        {
            migrator.MigrateAndSeedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static string SqliteConnectionString(string connectionString)
    {
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

        return sqlite.ToString();
    }
}

/// <summary>Brings a service's database to the current schema and loads its initial data.</summary>
public interface IDatabaseMigrator
{
    Task MigrateAndSeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Creates a provider's context for <c>dotnet ef</c> (migrations are made per provider, without
/// starting the service). Derive one per provider-specific context.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            // Making a migration does not connect; `database update` uses the connection string given with --connection.
            options.UsePostgres("Host=localhost;Database=design");
        }
        else
        {
            options.UseSqlite("Data Source=design.db");
        }

        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

/// <summary>Migrates the schema and seeds the initial data before the host starts taking calls.</summary>
internal sealed partial class DatabaseInitializer<TContext>(IServiceProvider services, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedService, IDatabaseMigrator where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAndSeedAsync(cancellationToken);

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
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        LogReady(logger, db.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} is migrated and seeded")]
    private static partial void LogReady(ILogger logger, string context);
}

/// <summary>
/// On PostgreSQL, a session advisory lock on the service's database, held on a connection of its own
/// (not pooled, so closing it releases the lock even if the process dies); nothing on SQLite, whose
/// replicas share one file on one machine and where a writer waits for the other.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>Any fixed number: advisory locks are per database, and each service has its own.</summary>
    private const long Key = 0x546F634D657368; // "TocMesh"

    private readonly NpgsqlConnection? _connection;

    private MigrationLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new MigrationLock(null);
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0; // waits as long as the other replica migrates; the token still cancels
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }
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
