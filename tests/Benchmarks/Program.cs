using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Net.Client;
using TocMesh.Benchmarks;
using TocMesh.Directory.V1;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

// TocMesh benchmark. Three servers side by side in one run, on core 0: each service as shipped, bare
// grpc-dotnet on the same contracts answering with the very response the service gave (prebuilt),
// and raw Kestrel writing the same bytes with no gRPC pipeline. The load is h2load on core 1 (it is
// not the bottleneck: it drives raw Kestrel several times faster than any gRPC server here). It
// prints figures; it passes or fails nothing.
//   ./bench.sh [--seconds 5 --rounds 3 --warmup-limit 60 --sample 1 --method GetContact]
//   (--sample overrides the services' shipped trace sample ratio; --method measures one cached read only)
//   ./bench.sh --validation: what checking a request against its declared bounds costs per call
//   dotnet run -c Release --project tests/Benchmarks -- --replicas: cache coherence while replicas come and go
if (args is ["--bare-server", var barePort, var folder])
{
    await BareServer.RunAsync(int.Parse(barePort, CultureInfo.InvariantCulture), folder);
    return;
}

if (args is ["--raw-server", var rawPort, var rawFolder])
{
    await RawServer.RunAsync(int.Parse(rawPort, CultureInfo.InvariantCulture), rawFolder);
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

if (args.Contains("--replicas") || args.Contains("replicas"))
{
    // Cache coherence while replicas come and go, for each coherence mode (bus, fusion).
    var at = Array.IndexOf(args, "--probes");
    var coherence = Array.IndexOf(args, "--coherence");
    await ReplicaBench.RunAsync(
        root,
        at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 200,
        coherence >= 0 ? args[coherence + 1].Split(',', StringSplitOptions.RemoveEmptyEntries) : []);
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
const string key = "benchmark-secretariat-key";

Console.WriteLine(FormattableString.Invariant($"TocMesh benchmark · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} · {options.Seconds}s per run, median of {options.Rounds} · trace sample ratio {options.SampleRatio?.ToString(CultureInfo.InvariantCulture) ?? "as shipped"}"));
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

// The cached reads, called as an anonymous partner without gRPC tooling would (h2load sends no key).
// A fresh Directory holds no contacts: the Secretariat records one to read.
var contactName = (await directoryClient.CreateContactAsync(new CreateContactRequest
{
    RequestId = Guid.NewGuid().ToString(),
    Reason = "benchmark",
    Contact = new Contact
    {
        StateCode = "MEX",
        Role = ContactRole.NationalPointOfContact,
        Institution = "Procuraduría General de la República",
        Office = "Unidad de Asuntos Internacionales",
        Person = "A. Example",
        Emails = { "contact@example.org" },
        Phones = { "+525555550000" },
        Languages = { "es", "en" },
        ValidFrom = new ProtoDate { Year = 2009, Month = 1, Day = 1 },
        SourceDocument = "GT/DOT-II/doc.9/09",
    },
}, keyed)).Contact.Name;
var methods = new (string Method, string Path, RunningService Service, IMessage Request, Func<Task<IMessage>> Answer)[]
{
    ("GetRatificationReport", "/tocmesh.treaty.v1.TreatyService/GetRatificationReport", treaty,
        new GetRatificationReportRequest { AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } },
        async () => await treatyClient.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } })),
    ("ListMemberStates", "/tocmesh.directory.v1.DirectoryService/ListMemberStates", directory,
        new ListMemberStatesRequest { PageSize = 100 },
        async () => await directoryClient.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 })),
    ("GetContact", "/tocmesh.directory.v1.DirectoryService/GetContact", directory,
        new GetContactRequest { Name = contactName },
        async () => await directoryClient.GetContactAsync(new GetContactRequest { Name = contactName })),
};

// Each method's request as one gRPC frame (h2load's body), and the response the service gave, which
// the bare and raw servers answer with.
var responses = Path.Combine(work, "responses");
System.IO.Directory.CreateDirectory(responses);
var frames = new Dictionary<string, (string RequestFile, long ResponseFrameBytes)>();
foreach (var (method, _, _, request, answer) in methods)
{
    var requestFile = Path.Combine(work, method + ".request");
    await File.WriteAllBytesAsync(requestFile, RawServer.Frame(request.ToByteArray()));
    var response = (await answer()).ToByteArray();
    await File.WriteAllBytesAsync(Path.Combine(responses, method + ".bin"), response);
    frames[method] = (requestFile, RawServer.Frame(response).Length);
}

var bare = await services.StartBareAsync(15199, responses);
var raw = await services.StartRawAsync(15198, responses);
var servers = new[] { "full", "bare", "raw" };
string UrlOf(string server, RunningService service, string path) => (server switch { "full" => service.Url, "bare" => bare.Url, _ => raw.Url }) + path;

// The bare and raw servers answer every method; --method measures one of them.
var measured = methods.Where(m => options.Method is null || m.Method == options.Method).ToArray();

// Bring every hot path to its final optimized code (tiered JIT) before anything is measured.
foreach (var (method, path, service, _, _) in measured)
{
    foreach (var server in servers)
    {
        var took = await H2Load.WarmAsync(UrlOf(server, service, path), frames[method].RequestFile, frames[method].ResponseFrameBytes, TimeSpan.FromSeconds(options.WarmupLimit));
        Console.WriteLine(FormattableString.Invariant($"warm-up {method} {server}: {took.TotalSeconds:F0} s"));
    }
}

var loads = new (string Label, int Connections, int Streams)[] { ("1 connection, 1 stream", 1, 1), ("16 connections", 16, 1), ("4 connections × 16 streams", 4, 16) };
var peakRss = new Dictionary<string, long>();
Console.WriteLine();
Console.WriteLine("| method | load | full calls/s | bare calls/s | raw Kestrel calls/s | full/bare | full/raw | every answer checked |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
foreach (var (method, path, service, _, _) in measured)
{
    foreach (var (label, connections, streams) in loads)
    {
        var figures = servers.ToDictionary(s => s, _ => new List<double>());
        var checkedAll = true;
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate the order, so no server always runs first (or on a warmer machine).
            foreach (var server in servers.Skip(round % servers.Length).Concat(servers.Take(round % servers.Length)))
            {
                var result = await H2Load.RunAsync(UrlOf(server, service, path), frames[method].RequestFile, frames[method].ResponseFrameBytes, connections, streams, TimeSpan.FromSeconds(options.Seconds));
                figures[server].Add(result.CallsPerSecond);
                if (!result.AllAnswered)
                {
                    checkedAll = false;
                    Console.Error.WriteLine(FormattableString.Invariant($"{server} {method} {label}: {result.Succeeded} succeeded, {result.Failed} failed, {result.DataBytes} data bytes of {result.ExpectedDataBytes} expected (gRPC errors carry no message)"));
                }
            }

            foreach (var s in services.Running)
            {
                peakRss[s.Name] = Math.Max(peakRss.GetValueOrDefault(s.Name), s.RssBytes());
            }
        }

        var (full, bareMedian, rawMedian) = (Median(figures["full"]), Median(figures["bare"]), Median(figures["raw"]));
        Console.WriteLine(FormattableString.Invariant(
            $"| {method} | {label} | {full:N0} | {bareMedian:N0} | {rawMedian:N0} | {full / bareMedian:F2} | {full / rawMedian:F2} | {(checkedAll ? "yes" : "NO: see above")} |"));
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

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Options(int Seconds, double? SampleRatio, int Warmup, int Rounds, int WarmupLimit, string? Method)
{
    public static Options Parse(string[] args)
    {
        var seconds = 5;
        double? sample = null;
        string? method = null;
        var warmup = 3;
        var rounds = 3;
        var warmupLimit = 60;
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
            else if (args[i] == "--warmup-limit")
            {
                warmupLimit = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--method")
            {
                method = args[i + 1];
            }
            else if (args[i] == "--rounds")
            {
                rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return new Options(seconds, sample, warmup, rounds, warmupLimit, method);
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
