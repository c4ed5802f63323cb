using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Net.Client;
using TocMesh.Benchmarks;
using TocMesh.Directory.V1;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

// TocMesh benchmark: the full stack against a bare grpc-dotnet server, same machine, same calls.
// Servers on core 0, this load generator on core 1. It prints figures; it passes or fails nothing.
//   dotnet run -c Release --project tests/Benchmarks [-- --seconds 5 --sample 0.1]
//   ... -- --validation: what checking a request against its declared bounds costs per call
if (args is ["--bare-server", var barePort, var folder])
{
    await BareServer.RunAsync(int.Parse(barePort, CultureInfo.InvariantCulture), folder);
    return;
}

var options = Options.Parse(args);
var root = Repository.Root();
if (args.Contains("--validation"))
{
    // What the declared request bounds cost per call, in process.
    ValidationBench.Run();
    return;
}

if (args.Contains("--databases"))
{
    // SQLite against PostgreSQL: writes/s and the uncached ratification report.
    await DatabaseBench.RunAsync(options, root);
    return;
}

var work = Path.Combine(Path.GetTempPath(), "tocmesh-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
System.IO.Directory.CreateDirectory(work);
const string key = "benchmark-partner-key";

Console.WriteLine(FormattableString.Invariant($"TocMesh benchmark · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} · {options.Seconds}s per run · trace sample ratio {options.SampleRatio}"));
if (Environment.ProcessorCount >= 2 && OperatingSystem.IsLinux())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1 << 1;
}

await using var services = new ServiceProcesses(root, work, options.SampleRatio, key);
var directory = await services.StartAsync("directory", "src/Directory/bin/Release/net10.0/TocMesh.Directory.dll", 15102, []);
var treaty = await services.StartAsync("treaty", "src/Treaty/bin/Release/net10.0/TocMesh.Treaty.dll", 15101, [("services__directory__http__0", directory.Url)]);

var techcoop = await services.StartAsync("techcoop", "src/TechnicalCooperation/bin/Release/net10.0/TocMesh.TechnicalCooperation.dll", 15103,
    [("services__directory__http__0", directory.Url), ("services__treaty__http__0", treaty.Url)]);
var meetings = await services.StartAsync("meetings", "src/Meetings/bin/Release/net10.0/TocMesh.Meetings.dll", 15104,
    [("services__directory__http__0", directory.Url), ("services__treaty__http__0", treaty.Url), ("services__techcoop__http__0", techcoop.Url)]);

var keyed = new Grpc.Core.Metadata { { "authorization", "Bearer " + key } };
using var directoryChannel = GrpcChannel.ForAddress(directory.Url);
using var treatyChannel = GrpcChannel.ForAddress(treaty.Url);
var directoryClient = new DirectoryService.DirectoryServiceClient(directoryChannel);
var treatyClient = new TreatyService.TreatyServiceClient(treatyChannel);
var memberStatesRequest = new ListMemberStatesRequest { PageSize = 100 };
var reportRequest = new GetRatificationReportRequest { AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } };

// Bring both services' hot paths to optimized code before anything is measured (tiered JIT).
for (var i = 0; i < 2000; i++)
{
    await directoryClient.ListMemberStatesAsync(memberStatesRequest, keyed);
    await treatyClient.GetRatificationReportAsync(reportRequest, keyed);
}

// The bare server answers with exactly what the full stack answered.
var responses = Path.Combine(work, "responses");
System.IO.Directory.CreateDirectory(responses);
await File.WriteAllBytesAsync(Path.Combine(responses, "ListMemberStates.bin"), (await directoryClient.ListMemberStatesAsync(memberStatesRequest, keyed)).ToByteArray());
await File.WriteAllBytesAsync(Path.Combine(responses, "GetRatificationReport.bin"), (await treatyClient.GetRatificationReportAsync(reportRequest, keyed)).ToByteArray());
var bare = await services.StartBareAsync(15199, responses);
using (var warmChannel = GrpcChannel.ForAddress(bare.Url))
{
    var warmDirectory = new DirectoryService.DirectoryServiceClient(warmChannel);
    var warmTreaty = new TreatyService.TreatyServiceClient(warmChannel);
    for (var i = 0; i < 2000; i++)
    {
        await warmDirectory.ListMemberStatesAsync(memberStatesRequest);
        await warmTreaty.GetRatificationReportAsync(reportRequest);
    }
}

using var bareChannel = GrpcChannel.ForAddress(bare.Url);
var bareDirectory = new DirectoryService.DirectoryServiceClient(bareChannel);
var bareTreaty = new TreatyService.TreatyServiceClient(bareChannel);

var rows = new List<string>();
var cases = new (string Method, Func<CancellationToken, Task> Bare, Func<CancellationToken, Task> Full)[]
{
    ("ListMemberStates", ct => bareDirectory.ListMemberStatesAsync(memberStatesRequest, cancellationToken: ct).ResponseAsync,
                         ct => directoryClient.ListMemberStatesAsync(memberStatesRequest, keyed, cancellationToken: ct).ResponseAsync),
    ("GetRatificationReport", ct => bareTreaty.GetRatificationReportAsync(reportRequest, cancellationToken: ct).ResponseAsync,
                              ct => treatyClient.GetRatificationReportAsync(reportRequest, keyed, cancellationToken: ct).ResponseAsync),
};
var peakRss = new Dictionary<string, long>();
Console.WriteLine();
Console.WriteLine("| method | concurrency | bare calls/s | full calls/s | full/bare | bare p50 ms | bare p99 ms | full p50 ms | full p99 ms | failed calls |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (method, bareCall, fullCall) in cases)
{
    foreach (var concurrency in new[] { 1, 16, 64 })
    {
        var b = await LoadRun.RunAsync(bareCall, concurrency, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));
        var f = await LoadRun.RunAsync(fullCall, concurrency, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));
        foreach (var s in services.Running)
        {
            peakRss[s.Name] = Math.Max(peakRss.GetValueOrDefault(s.Name), s.RssBytes());
        }

        Console.WriteLine(FormattableString.Invariant(
            $"| {method} | {concurrency} | {b.CallsPerSecond:F0} | {f.CallsPerSecond:F0} | {f.CallsPerSecond / b.CallsPerSecond:F2} | {b.P50Ms:F2} | {b.P99Ms:F2} | {f.P50Ms:F2} | {f.P99Ms:F2} | {b.Failures + f.Failures} |"));
    }
}

// The uncached report: a new as-of date every call, so neither cache level can answer.
var uncached = new List<double>();
var day = new DateOnly(2003, 1, 1);
for (var i = 0; i < 300; i++, day = day.AddDays(7))
{
    var started = Stopwatch.GetTimestamp();
    await treatyClient.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day } }, keyed);
    uncached.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

uncached.Sort();

// The meeting report, warm: Meetings calls Treaty, Directory and TechnicalCooperation for each render.
using var meetingsChannel = GrpcChannel.ForAddress(meetings.Url);
var meetingsClient = new TocMesh.Meetings.V1.MeetingsService.MeetingsServiceClient(meetingsChannel);
var renderRequest = new TocMesh.Meetings.V1.RenderMeetingReportRequest { MeetingId = "gtdot-ii" };
for (var i = 0; i < 200; i++)
{
    await meetingsClient.RenderMeetingReportAsync(renderRequest, keyed);
}

var renders = new List<double>();
for (var i = 0; i < 500; i++)
{
    var started = Stopwatch.GetTimestamp();
    var rendered = await meetingsClient.RenderMeetingReportAsync(renderRequest, keyed);
    renders.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (rendered.PartialSections.Count > 0)
    {
        Console.Error.WriteLine($"partial report: {string.Join(", ", rendered.PartialSections)}");
    }
}

renders.Sort();
foreach (var s in services.Running)
{
    peakRss[s.Name] = Math.Max(peakRss.GetValueOrDefault(s.Name), s.RssBytes());
}
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"GetRatificationReport uncached (round trip, 35 states × all instruments, new date each call): p50 {uncached[uncached.Count / 2]:F2} ms, p99 {uncached[(int)(uncached.Count * 0.99)]:F2} ms"));
Console.WriteLine(FormattableString.Invariant($"RenderMeetingReport gtdot-ii warm (three downstream calls each): p50 {renders[renders.Count / 2]:F2} ms, p99 {renders[(int)(renders.Count * 0.99)]:F2} ms"));
foreach (var (name, rss) in peakRss)
{
    Console.WriteLine(FormattableString.Invariant($"RSS under load, {name}: {rss / 1024.0 / 1024.0:F0} MB"));
}

internal sealed record Options(int Seconds, double SampleRatio, int Warmup)
{
    public static Options Parse(string[] args)
    {
        var seconds = 5;
        var sample = 0.1;
        var warmup = 3;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--seconds")
            {
                seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--warmup")
            {
                warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--sample")
            {
                sample = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return new Options(seconds, sample, warmup);
    }
}

internal static class Repository
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TocMesh.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

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

internal sealed class ServiceProcesses(string root, string work, double sampleRatio, string apiKey) : IAsyncDisposable
{
    private readonly List<RunningService> _running = [];

    public IEnumerable<RunningService> Running => _running.Where(r => r.Name != "bare");

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
            ("Kestrel__Endpoints__http__Url", $"http://127.0.0.1:{port}"),
            ($"ConnectionStrings__{name}db", $"Data Source={Path.Combine(work, name + ".db")}"),
            ("Telemetry__TraceSampleRatio", sampleRatio.ToString(CultureInfo.InvariantCulture)),
            ("RateLimits__AgencyPermitsPerSecond", "10000000"),
            ("Auth__ApiKeys__0__Agency", "Benchmark partner"),
            ("Auth__ApiKeys__0__Sha256", hash),
            ("Auth__ApiKeys__0__Roles__0", "partner"),
            ("Logging__LogLevel__Default", "Warning"),
        };
        env.AddRange(environment); // later entries win: a caller may override the defaults
        return StartProcessAsync(name, "dotnet", [path], Path.GetDirectoryName(path)!, port, env);
    }

    public Task<RunningService> StartBareAsync(int port, string responses) =>
        StartProcessAsync("bare", "dotnet", [typeof(BareServer).Assembly.Location, "--bare-server", port.ToString(CultureInfo.InvariantCulture), responses], AppContext.BaseDirectory, port, []);

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
                if (name == "bare")
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
