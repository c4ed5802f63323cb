using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace TocMesh.TestSupport;

/// <summary>
/// A real <c>redis-server</c> on a loopback port, started and killed by the test. Needs the Debian
/// package redis-server (the test command installs it). redis-server cannot take port 0, so the port
/// is one the system had free: if another process takes it before redis-server binds it, the start is
/// tried again on another one, and a server that answers is checked to be this one (its process id).
/// While the server is killed, its port stays taken by a <see cref="ClosedPort"/>, so a restart gets
/// it back and clients meanwhile find it refusing connections, as after a crash.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);
    private static readonly Regex ProcessId = new(@"process_id:(\d+)\r\n", RegexOptions.CultureInvariant);
    private Process? _process;
    private ClosedPort? _held;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(SystemChosenPort());
            if (await server.TryStartAsync() is not { } failure)
            {
                return server;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException($"redis-server did not start on any of 5 ports: {failure}");
            }
        }
    }

    /// <summary>Starts the server again on the same port (after <see cref="Kill"/>).</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is running; kill it first.");
        }

        _held?.Dispose();
        _held = null;
        if (await TryStartAsync() is { } failure)
        {
            throw new InvalidOperationException($"redis-server did not start again on {Port}: {failure}");
        }
    }

    /// <summary>
    /// How many cache entries the server holds (not counting HybridCache's tag invalidation records,
    /// which a flush writes on its own), and how many reads it has answered from a key it had
    /// (INFO keyspace_hits).
    /// </summary>
    public async Task<(long Keys, long Hits)> StatsAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},allowAdmin=true,abortConnect=false,connectTimeout=2000");
        var server = connection.GetServer(ConnectionString);
        long keys = 0;
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            if (!key.ToString().Contains("__MSFT_HCT__", StringComparison.Ordinal))
            {
                keys++;
            }
        }

        var stats = (await server.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return (keys, long.Parse(stats["keyspace_hits"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>SIGKILL: the server vanishes as in a crash; its port refuses connections until <see cref="RestartAsync"/>.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
            _held = HoldPort(Port);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _held?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A port that was free a moment ago; the caller must cope with losing it (see <see cref="StartAsync"/>).</summary>
    private static int SystemChosenPort()
    {
        using var port = new ClosedPort();
        return port.Port;
    }

    /// <summary>The port just released by the killed server, taken back before anyone else can (retried briefly).</summary>
    private static ClosedPort? HoldPort(int port)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                return new ClosedPort(port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        return null;
    }

    /// <summary>Starts redis-server on <see cref="Port"/>; null once it answers, else why it did not.</summary>
    private async Task<string?> TryStartAsync()
    {
        var executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StringBuilder();
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; install it with 'apt-get install redis-server'.");
        _process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartBound;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (await AnsweringProcessIdAsync() == _process.Id)
            {
                return null;
            }

            await Task.Delay(50);
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        lock (log)
        {
            return $"port {Port}: {log.ToString().Trim()}";
        }
    }

    /// <summary>The process id of the redis-server answering on the port (INFO server), or null when none answers.</summary>
    private async Task<int?> AnsweringProcessIdAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, bound.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("INFO server\r\n"u8.ToArray(), bound.Token);
            var reply = new StringBuilder();
            var buffer = new byte[4096];
            while (ProcessId.Match(reply.ToString()) is { Success: false })
            {
                var read = await stream.ReadAsync(buffer, bound.Token);
                if (read == 0)
                {
                    return null;
                }

                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return int.Parse(ProcessId.Match(reply.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
