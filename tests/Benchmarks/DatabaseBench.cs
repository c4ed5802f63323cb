using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Benchmarks;

/// <summary>
/// <c>--databases</c>: the same Directory and Treaty processes on SQLite and on PostgreSQL (a cluster
/// made for the run, durable settings: fsync on), measuring contact writes per second at 16
/// concurrent writers and the uncached ratification report. Prints figures; passes or fails nothing.
/// </summary>
internal static class DatabaseBench
{
    private const string PartnerKey = "benchmark-partner-key";
    private const string SecretariatKey = "benchmark-secretariat-key";
    private static readonly string[] States = ["ARG", "BRA", "CHL", "COL", "MEX", "PER", "URY", "PRY"];

    public static async Task RunAsync(Options options, string root)
    {
        await using var postgres = await PostgresServer.StartAsync(durable: true);
        Console.WriteLine(FormattableString.Invariant($"TocMesh database benchmark · {Environment.ProcessorCount} cores · {options.Seconds}s of writes per provider · PostgreSQL {(postgres.IsThrowaway ? "cluster made for the run" : "from " + PostgresServer.ServerVariable)}"));
        Console.WriteLine();
        Console.WriteLine("| provider | CreateContact writes/s (16 writers) | write p50 ms | write p99 ms | failed writes | uncached GetRatificationReport p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            var work = Path.Combine(Path.GetTempPath(), "tocmesh-bench", $"db-{provider}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            System.IO.Directory.CreateDirectory(work);
            string Database(string service) => provider == "sqlite"
                ? $"Data Source={Path.Combine(work, service + ".db")}"
                : postgres.DatabaseFor(service, work);

            await using var services = new ServiceProcesses(root, work, options.SampleRatio, PartnerKey);
            (string, string)[] secretariat =
            [
                ("Auth__ApiKeys__1__Agency", "Benchmark secretariat"),
                ("Auth__ApiKeys__1__Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SecretariatKey)))),
                ("Auth__ApiKeys__1__Roles__0", "secretariat"),
            ];
            var directory = await services.StartAsync("directory", "src/Directory/bin/Release/net10.0/TocMesh.Directory.dll", 15112,
                [.. secretariat, ("ConnectionStrings__directorydb", Database("directory"))]);
            var treaty = await services.StartAsync("treaty", "src/Treaty/bin/Release/net10.0/TocMesh.Treaty.dll", 15111,
                [("services__directory__http__0", directory.Url), ("ConnectionStrings__treatydb", Database("treaty"))]);

            using var directoryChannel = Grpc.Net.Client.GrpcChannel.ForAddress(directory.Url);
            using var treatyChannel = Grpc.Net.Client.GrpcChannel.ForAddress(treaty.Url);
            var directoryClient = new DirectoryService.DirectoryServiceClient(directoryChannel);
            var treatyClient = new TreatyService.TreatyServiceClient(treatyChannel);
            var asSecretariat = new Grpc.Core.Metadata { { "authorization", "Bearer " + SecretariatKey } };
            var asPartner = new Grpc.Core.Metadata { { "authorization", "Bearer " + PartnerKey } };

            var written = 0;
            Task Write(CancellationToken ct)
            {
                var n = Interlocked.Increment(ref written);
                return directoryClient.CreateContactAsync(new CreateContactRequest { Contact = Contact(States[n % States.Length], n) }, asSecretariat, cancellationToken: ct).ResponseAsync;
            }

            var writes = await LoadRun.RunAsync(Write, 16, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));

            // The uncached report: a new as-of date every call, so neither cache level can answer.
            var day = new DateOnly(2003, 1, 1);
            for (var i = 0; i < 50; i++, day = day.AddDays(1))
            {
                await treatyClient.GetRatificationReportAsync(Report(day), asPartner);
            }

            var uncached = new List<double>();
            for (var i = 0; i < 300; i++, day = day.AddDays(1))
            {
                var started = Stopwatch.GetTimestamp();
                await treatyClient.GetRatificationReportAsync(Report(day), asPartner);
                uncached.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            uncached.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"| {provider} | {writes.CallsPerSecond:F0} | {writes.P50Ms:F2} | {writes.P99Ms:F2} | {writes.Failures} | {uncached[uncached.Count / 2]:F2} | {uncached[(int)(uncached.Count * 0.99)]:F2} |"));
        }
    }

    private static GetRatificationReportRequest Report(DateOnly day) =>
        new() { AsOf = new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day } };

    private static Contact Contact(string state, int n) => new()
    {
        StateCode = state,
        Role = ContactRole.NationalPointOfContact,
        Institution = string.Create(CultureInfo.InvariantCulture, $"Ministry of Examples {n}"),
        Office = "Office of Example Affairs",
        Person = "Alex Example-Benchmark",
        Emails = { "alex.benchmark@example.org" },
        Languages = { "es", "en" },
        Channels = { ContactChannel.Email },
        ValidFrom = new ProtoDate { Year = 2009, Month = 1, Day = 1 },
    };
}
