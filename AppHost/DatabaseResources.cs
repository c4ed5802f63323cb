using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TocMesh.AppHost;

public static class DatabaseResources
{
    /// <summary>The services' databases (connection string names): a service's name followed by "db".</summary>
    private static readonly string[] Databases = [.. MeshResources.Services.Select(service => service + "db")];

    /// <summary>
    /// <c>Database:Provider</c> chooses the services' databases: <c>sqlite</c> (default: a file per
    /// service in its data folder, or in <c>Data:Folder</c> when set; nothing to run) or
    /// <c>postgres</c>: one PostgreSQL server with a database per service (treatydb, directorydb,
    /// techcoopdb, meetingsdb), created when missing,
    /// and every service waits for it. <c>Database:Mode</c> (for postgres): <c>container</c>,
    /// <c>executable</c> (the local server of Debian's postgresql package) or <c>auto</c> (default:
    /// a container when a container runtime answers, else the local server). <c>Database:DataFolder</c>
    /// (executable mode): where the local server keeps its cluster, <c>postgres</c> in the data folder by default.
    /// Call after the services are added.
    /// </summary>
    public static void AddTocMeshDatabases(this IDistributedApplicationBuilder builder)
    {
        var provider = (builder.Configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        var services = builder.Resources.OfType<ProjectResource>().Select(builder.CreateResourceBuilder).ToList();
        if (provider == "sqlite")
        {
            if (DataFolders.Configured(builder) is not null)
            {
                foreach (var service in services)
                {
                    var name = DatabaseOf(service);
                    var file = Path.Combine(DataFolders.For(builder, service.Resource.Name), service.Resource.Name + ".db");
                    service.WithEnvironment($"ConnectionStrings__{name}", $"Data Source={file}");
                }
            }

            return;
        }

        if (provider != "postgres")
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not one of sqlite, postgres.");
        }

        var mode = (builder.Configuration["Database:Mode"] ?? "auto").Trim().ToLowerInvariant();
        var bin = LocalPostgresBinaries();
        if (mode == "auto")
        {
            mode = CacheResources.ContainerRuntimeAnswers() ? "container" : "executable";
        }

        switch (mode)
        {
            case "container":
                // Aspire generates the container's password (a secret parameter) and puts it in the connection strings.
                var container = builder.AddPostgres("postgres");
                foreach (var service in services)
                {
                    var name = DatabaseOf(service);
                    // C collation: strings order by code point, as on SQLite and the local server.
                    var database = container.AddDatabase(name)
                        .WithCreationScript($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';");
                    service.WithReference(database).WaitFor(database);
                }

                return;
            case "executable" when bin is null:
                throw new InvalidOperationException(
                    "Database:Provider is 'postgres' but there is no container runtime and no local PostgreSQL server: " +
                    "install it (apt-get install postgresql) or a container runtime, or run on SQLite (Database:Provider=sqlite).");
            case "executable":
                var server = builder.AddPostgresServerExecutable("postgres", bin);
                foreach (var service in services)
                {
                    var name = DatabaseOf(service);
                    var expression = new ReferenceExpressionBuilder();
                    expression.AppendFormatted(server.Resource.ConnectionStringExpression);
                    expression.AppendLiteral($";Database={name}");
                    service.WithEnvironment($"ConnectionStrings__{name}", expression.Build()).WaitFor(server);
                }

                return;
            default:
                throw new InvalidOperationException($"Database:Mode '{mode}' is not one of auto, container, executable.");
        }
    }

    private static string DatabaseOf(IResourceBuilder<ProjectResource> service)
    {
        var name = $"{service.Resource.Name}db";
        return Databases.Contains(name) ? name : throw new InvalidOperationException($"No database is known for the service '{service.Resource.Name}'.");
    }

    private static IResourceBuilder<PostgresServerResource> AddPostgresServerExecutable(this IDistributedApplicationBuilder builder, string name, string bin)
    {
        var folder = builder.Configuration["Database:DataFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : DataFolders.For(builder, name);
        System.IO.Directory.CreateDirectory(folder);
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", folder]);
            if (!chown.WaitForExit(TimeSpan.FromSeconds(10)) || chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"Could not give {folder} to the postgres user.");
            }
        }

        // First start: initdb (C collation, so strings order as on SQLite; password authentication).
        // Every start: only password authentication (scram-sha-256) in pg_hba.conf, also for a cluster
        // made before, and the superuser's password set to this run's (single-user mode, before the
        // server listens); the password reaches the script in the environment, never on a command line.
        const string launch = """
            set -e
            umask 077
            password_file="$2.password"
            if [ ! -f "$2/PG_VERSION" ]; then
              printf '%s\n' "$TOCMESH_POSTGRES_PASSWORD" > "$password_file"
              "$1/initdb" -D "$2" -U postgres --auth=scram-sha-256 --pwfile="$password_file" --no-locale --encoding=UTF8 >/dev/null
              rm -f "$password_file"
            fi
            printf '%s\n' "local all all scram-sha-256" "host all all 127.0.0.1/32 scram-sha-256" "host all all ::1/128 scram-sha-256" > "$2/pg_hba.conf"
            printf "ALTER ROLE postgres PASSWORD '%s';\n" "$TOCMESH_POSTGRES_PASSWORD" | "$1/postgres" --single -D "$2" -c password_encryption=scram-sha-256 postgres >/dev/null
            unset TOCMESH_POSTGRES_PASSWORD
            exec "$1/postgres" -D "$2" -p "$3" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$2"
            """;
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        var server = new PostgresServerResource(name, asRoot ? "setpriv" : "/bin/sh", folder, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_databases";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck,
            _ => new DatabasesHealthCheck(() => connectionString),
            HealthStatus.Unhealthy,
            tags: null,
            timeout: TimeSpan.FromSeconds(10)));

        return builder.AddResource(server)
            .WithEndpoint(name: PostgresServerResource.EndpointName, scheme: "tcp")
            .WithEnvironment("TOCMESH_POSTGRES_PASSWORD", password)
            .WithArgs(context =>
            {
                if (asRoot)
                {
                    foreach (var arg in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", "/bin/sh" })
                    {
                        context.Args.Add(arg);
                    }
                }

                context.Args.Add("-c");
                context.Args.Add(launch);
                context.Args.Add("tocmesh-postgres");
                context.Args.Add(bin);
                context.Args.Add(Path.Combine(folder, "cluster"));
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheck);
    }

    /// <summary>The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin), or null.</summary>
    private static string? LocalPostgresBinaries()
    {
        const string root = "/usr/lib/postgresql";
        return System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>Healthy once the server answers and every service's database exists (made here when missing).</summary>
    private sealed class DatabasesHealthCheck(Func<string?> connectionString) : IHealthCheck
    {
        private bool _created;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (connectionString() is not { } admin)
            {
                return HealthCheckResult.Unhealthy("postgres has no address yet.");
            }

            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false, Timeout = 3 }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (!_created)
            {
                foreach (var database in Databases)
                {
                    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                    exists.Parameters.AddWithValue("name", database);
                    if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                    {
                        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                        await create.ExecuteNonQueryAsync(cancellationToken);
                    }
                }

                _created = true;
            }

            return HealthCheckResult.Healthy();
        }
    }
}
