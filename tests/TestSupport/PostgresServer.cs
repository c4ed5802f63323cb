using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TocMesh.TestSupport;

/// <summary>
/// A real PostgreSQL for the tests. With <c>TOCMESH_TEST_POSTGRES</c> (a connection string of a user
/// who may create databases) that server; otherwise a throwaway cluster made with <c>initdb</c> in a
/// temporary folder on a loopback port (Debian package <c>postgresql</c>; the test command
/// installs it), run as the <c>postgres</c> user when the tests run as root, and killed and deleted
/// when the test process ends. One per test process; each host gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ServerVariable = "TOCMESH_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> SharedServer = new(() =>
    {
        var server = StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly List<string> _created = [];
    private readonly object _gate = new();
    private Process? _process;
    private string? _folder;

    private PostgresServer(string adminConnectionString) =>
        _admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };

    /// <summary>The server shared by every test of this process, started on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>Whether the cluster was made by this process (false with <c>TOCMESH_TEST_POSTGRES</c>).</summary>
    public bool IsThrowaway => _process is not null;

    /// <param name="durable">
    /// False (tests): fsync and synchronous commit off, as nothing outlives the run. True
    /// (measurements): PostgreSQL's default, durable settings.
    /// </param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(configured);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the tests run every persistence test on PostgreSQL too. Install it with " +
            $"'apt-get install postgresql' (./test.sh does this when run as root), or set {ServerVariable} to a connection string.");
        // postgres cannot take port 0: it gets a port the system had free, and should another
        // process take it first, postgres exits and the cluster is made again on another one.
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var free = new ClosedPort())
            {
                port = free.Port;
            }

            var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=10");
            try
            {
                await server.StartClusterAsync(bin, port, durable);
                return server;
            }
            catch (PortTakenException) when (attempt < 5)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The connection string of a database for one service host, created when missing. The same
    /// <paramref name="key"/> (e.g. the host's data folder) gives the same database: a restart.
    /// </summary>
    public string DatabaseFor(string serviceName, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var name = $"{serviceName}_{hash}".ToLowerInvariant();
        lock (_gate)
        {
            if (!_created.Contains(name))
            {
                using var connection = new NpgsqlConnection(_admin.ConnectionString);
                connection.Open();
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", name);
                if (exists.ExecuteScalar() is null)
                {
                    // C collation: strings order by code point, as on SQLite.
                    using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
                    create.ExecuteNonQuery();
                }

                _created.Add(name);
            }
        }

        return new NpgsqlConnectionStringBuilder(_admin.ConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 20,
            // Hosts come and go during a run; idle connections of finished ones close soon.
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_process is null)
        {
            // A configured server: drop what the tests made.
            try
            {
                await using var connection = new NpgsqlConnection(_admin.ConnectionString);
                await connection.OpenAsync();
                foreach (var name in _created)
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                }
            }
            catch (NpgsqlException)
            {
                // The server is gone already; nothing to clean.
            }

            return;
        }

        // Fast shutdown of the postmaster (SIGINT); its watchdog then deletes the folder and exits.
        // Not Process.Kill(entireProcessTree): it stops the whole tree before killing it, and a test
        // process that ends meanwhile leaves a stopped server behind that no signal but SIGCONT reaches.
        if (PostmasterId() is { } postmaster)
        {
            await RunAsync("kill", ["-INT", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        }

        if (!_process.HasExited)
        {
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        if (_folder is not null && System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    private int? PostmasterId()
    {
        var pidFile = _folder is null ? null : Path.Combine(_folder, "data", "postmaster.pid");
        try
        {
            return pidFile is not null && File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The folder of initdb and postgres: the newest installed major version, or pg_config's.</summary>
    public static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(root))
        {
            var newest = System.IO.Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "postgres")));
        return onPath;
    }

    private async Task StartClusterAsync(string bin, int port, bool durable)
    {
        _folder = Path.Combine(Path.GetTempPath(), $"tocmesh-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(_folder, "data");
        System.IO.Directory.CreateDirectory(_folder);
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", _folder], TimeSpan.FromSeconds(10));
        }

        var (initdb, initdbPrefix) = Invocation(asRoot, Path.Combine(bin, "initdb"));
        var (initdbCode, initdbOutput) = await RunAsync(
            initdb,
            [.. initdbPrefix, "-D", data, "-U", "postgres", "--auth=trust", "--no-locale", "--encoding=UTF8", "--no-sync"],
            TimeSpan.FromSeconds(60));
        if (initdbCode != 0)
        {
            throw new InvalidOperationException($"initdb failed ({initdbCode}): {initdbOutput}");
        }

        // postgres runs under a small watchdog in a session of its own (a kill of this process's tree
        // does not reach it): when this test process is gone, even killed, the watchdog stops the
        // cluster and deletes its folder, so no run leaves a server behind.
        const string watchdog = """
            "$@" &
            pg=$!
            while [ -d "/proc/$WATCHED" ] && kill -0 "$pg" 2>/dev/null; do sleep 1; done
            kill -CONT "$pg" 2>/dev/null
            kill -INT "$pg" 2>/dev/null
            wait "$pg"
            rm -rf "$FOLDER"
            """;
        var (shell, shellPrefix) = Invocation(asRoot, "/bin/sh");
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["WATCHED"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FOLDER"] = _folder;
        foreach (var arg in new[] { "--wait", shell }.Concat(shellPrefix).Concat([
            "-c", watchdog, "watchdog", "exec", Path.Combine(bin, "postgres"),
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_folder}",
            "-c", "max_connections=400", "-c", "shared_buffers=64MB",
            // A throwaway cluster: durability buys nothing here (unless measuring).
            .. (durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"])]))
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StringBuilder();
        _process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        _process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                // The server that answers must be this cluster's, not one that had the port already.
                await using var connection = new NpgsqlConnection(_admin.ConnectionString);
                await connection.OpenAsync();
                await using var where = new NpgsqlCommand("SHOW data_directory", connection);
                if (await where.ExecuteScalarAsync() as string == data)
                {
                    return;
                }

                throw new PortTakenException($"another PostgreSQL answers on {port}");
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        string output;
        lock (log)
        {
            output = log.ToString();
        }

        if (output.Contains("Address already in use", StringComparison.Ordinal))
        {
            throw new PortTakenException($"port {port} was taken before postgres could bind it: {output}");
        }

        throw new TimeoutException($"postgres did not accept connections on {port} within 60 s: {output}");
    }

    /// <summary>Another process had the port: the cluster is made again on another one.</summary>
    private sealed class PortTakenException(string message) : Exception(message);

    /// <summary>As root, the executable runs as the postgres user (setpriv execs it: the pid is postgres's own).</summary>
    private static (string Command, string[] Prefix) Invocation(bool asRoot, string executable) => asRoot
        ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable])
        : (executable, []);

    private static async Task<(int Code, string Output)> RunAsync(string command, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await stdout + await stderr);
    }
}
