using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grpc.Health.V1;
using Grpc.Net.Client;
using TocMesh.Directory.V1;

namespace TocMesh.Benchmarks;

internal sealed record RunningService(string Name, Process Process, string Url)
{
    public long RssBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

internal sealed class ServiceProcesses(string root, string work, double? sampleRatio, string apiKey) : IAsyncDisposable
{
    private readonly List<RunningService> _running = [];

    public IEnumerable<RunningService> Running => _running.Where(r => r.Name is not ("bare" or "raw"));

    public Task<RunningService> StartAsync(string name, string dll, int port, (string, string)[] environment)
    {
        var path = Path.Combine(root, dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Build first: dotnet build -c Release (missing {dll}).");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        var env = new List<(string, string)>
        {
            // As deployed, whatever the shell says: Production decides defaults such as the trace sample ratio.
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("Kestrel__Endpoints__http__Url", $"http://127.0.0.1:{port}"),
            ($"ConnectionStrings__{name}db", $"Data Source={Path.Combine(work, name + ".db")}"),
            ("RateLimits__AgencyPermitsPerSecond", "10000000"),
            ("RateLimits__AnonymousPermitsPerSecond", "10000000"),
            ("Auth__ApiKeys__0__Agency", "OAS General Secretariat"),
            ("Auth__ApiKeys__0__Sha256", hash),
            ("Auth__ApiKeys__0__Roles__0", "secretariat"),
            ("Logging__LogLevel__Default", "Warning"),
        };
        if (sampleRatio is { } ratio)
        {
            env.Add(("Telemetry__TraceSampleRatio", ratio.ToString(CultureInfo.InvariantCulture)));
        }

        // As the AppHost and the container image start a service (the bare and raw servers keep the runtime's defaults).
        env.AddRange(TocMesh.MeshResources.RuntimeEnvironment.Select(e => (e.Key, e.Value)));
        env.AddRange(environment); // later entries win: a caller may override the defaults
        return StartProcessAsync(name, "dotnet", [path], Path.GetDirectoryName(path)!, port, env);
    }

    public Task<RunningService> StartBareAsync(int port, string responses) =>
        StartProcessAsync("bare", "dotnet", [typeof(BareServer).Assembly.Location, "--bare-server", port.ToString(CultureInfo.InvariantCulture), responses], AppContext.BaseDirectory, port, []);

    public Task<RunningService> StartRawAsync(int port, string responses) =>
        StartProcessAsync("raw", "dotnet", [typeof(RawServer).Assembly.Location, "--raw-server", port.ToString(CultureInfo.InvariantCulture), responses], AppContext.BaseDirectory, port, []);

    private async Task<RunningService> StartProcessAsync(string name, string file, string[] args, string workingDirectory, int port, List<(string, string)> env)
    {
        // Servers share core 0; the load generator has core 1.
        var start = new ProcessStartInfo("taskset") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "0", file }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[{name}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new RunningService(name, process, $"http://127.0.0.1:{port}");
        _running.Add(service);

        using var channel = GrpcChannel.ForAddress(service.Url);
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (name is "bare" or "raw")
                {
                    await new DirectoryService.DirectoryServiceClient(channel).ListMemberStatesAsync(new ListMemberStatesRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                }
                else
                {
                    await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                }

                return service;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _running)
        {
            if (!s.Process.HasExited)
            {
                s.Process.Kill(entireProcessTree: true);
                await s.Process.WaitForExitAsync();
            }

            s.Process.Dispose();
        }
    }
}
