using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Persistence;

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
    /// The schema is migrated and every <see cref="IDataSeeder"/> has run before anything else of the
    /// service starts (see <see cref="MigrateBeforeStart"/>).
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

        // Contexts come from a pool: a cached read constructs the service's stores, and so a context
        // it never opens; building its options for every call's scope, then constructing the
        // context, were a fifth and then a sixth of a cached read's CPU (dotnet-trace). A pooled
        // context is reset when its scope ends; the contexts keep no state of their own.
        if (ProviderOf(connectionString) == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TContext, TPostgres>(options => options.UsePostgres(connectionString));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString);
            var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(sqlite).DefaultTimeout));
            builder.Services.AddDbContextPool<TContext, TSqlite>(options => options.UseSqlite(sqlite).AddInterceptors(busyTimeout));
        }

        builder.Services.AddScoped(sp => new IdempotentWrites(sp.GetRequiredService<TContext>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IDatabaseMigrator, DatabaseInitializer<TContext>>();
        builder.Services.MigrateBeforeStart();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database",
            sp => new DatabaseHealthCheck<TContext>(sp),
            HealthStatus.Unhealthy,
            ["db"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// Migrates and seeds every database of the service before anything else of it runs, so that no
    /// background work (the metric readers' gauges, health publishing, the replica bus, a service's own
    /// hosted work) and no call meets a database that is still being made: a service is migrated,
    /// then it serves, and the orchestrator sees it not answering until then, not failing.
    /// <see cref="RunOrMigrate"/> does it before the host starts: the host makes all its hosted
    /// services before starting the first, and making them already starts the telemetry's metric
    /// readers. A host started another way (an in-process test server) does it in its first hosted
    /// service, put first whatever the order of registration, since hosts start them one by one.
    /// </summary>
    public static IServiceCollection MigrateBeforeStart(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(DatabaseStartup)))
        {
            services.AddSingleton<DatabaseStartup>();
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<DatabaseStartup>()));
            services.PostConfigure<HostOptions>(o => o.ServicesStartConcurrently = false);
        }

        return services;
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
    /// Migrates and seeds the service's databases, then runs the service; with
    /// <see cref="MigrateOnlyArgument"/> among <paramref name="args"/>, returns instead (a deployment step).
    /// </summary>
    public static void RunOrMigrate(this WebApplication app, string[] args)
    {
        app.Services.GetService<DatabaseStartup>()?.MigrateAndSeedAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (!args.Contains(MigrateOnlyArgument, StringComparer.Ordinal))
        {
            app.Run();
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
