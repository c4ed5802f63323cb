using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Benchmarks;

/// <summary>
/// Cache coherence across replicas, with the replica count changing during the run as an autoscaler
/// changes it: Treaty as real processes over one SQLite file and one real redis-server, 2, then 3
/// (one frozen a moment), then 1, then 2 replicas (one more killed), then Redis killed and started
/// again. Each probe: every replica reads (and caches) a state's status, one replica corrects an
/// action that changes it, another replica reads it at once (does it see the correction?), then every
/// replica is polled until all do. Prints figures; passes or fails nothing.
///   dotnet run -c Release --project tests/Benchmarks -- --replicas [--probes 200] [--coherence a,b]
/// <c>--coherence</c> runs once per value with <c>Caching:Coherence</c> set to it, to compare cache
/// designs side by side in one build (on 2026-12-02, commit a4acba8 had <c>bus</c> and <c>fusion</c>;
/// see docs/scaling.md); without it, one run of the shipped design.
/// </summary>
internal static class ReplicaBench
{
    private const string Key = "benchmark-secretariat-key";
    private static readonly TimeSpan PollBound = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string root, int probes, IReadOnlyList<string> modes)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"Replica coherence · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} · {probes} probes per phase at rest"));
        var rows = new List<Row>();
        foreach (var mode in modes.Count > 0 ? modes : ["shipped"])
        {
            rows.AddRange(await RunModeAsync(root, mode, probes));
        }

        Console.WriteLine();
        Console.WriteLine("| mode | phase | probes | cross-replica reads seeing the write | all replicas see it: p50 / p99 / max ms | write p50 / p99 ms | read failures | write failures |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row.Format());
        }
    }

    private static async Task<List<Row>> RunModeAsync(string root, string mode, int probes)
    {
        var work = Path.Combine(Path.GetTempPath(), "tocmesh-bench", $"replicas-{mode}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        System.IO.Directory.CreateDirectory(work);
        await using var redis = await RedisServer.StartAsync();
        await using var services = new ServiceProcesses(root, work, 0, Key);
        var directory = await services.StartAsync("directory", "src/Directory/bin/Release/net10.0/TocMesh.Directory.dll", 15202,
            [("Kestrel__Endpoints__rest__Url", "http://127.0.0.1:15203")]);
        (string, string)[] treatyEnv =
        [
            ("services__directory__http__0", directory.Url),
            ("ConnectionStrings__cache", redis.ConnectionString),
            // What the AppHost would have set at deployment; wrong for most of the run (with Redis
            // nothing reads it: the bus waits for the subscribers Redis counts).
            ("Caching__Replicas", "2"),
            .. (mode == "shipped" ? Array.Empty<(string, string)>() : [("Caching__Coherence", mode)]),
        ];
        var nextPort = 15210;
        var replicas = new List<Replica>();
        async Task<Replica> StartReplicaAsync()
        {
            var port = nextPort;
            nextPort += 2;
            var running = await services.StartAsync("treaty", "src/Treaty/bin/Release/net10.0/TocMesh.Treaty.dll", port,
                [.. treatyEnv, ("Kestrel__Endpoints__rest__Url", $"http://127.0.0.1:{port + 1}")]);
            return new Replica(running);
        }

        var rows = new List<Row>();
        try
        {
            replicas.Add(await StartReplicaAsync()); // migrates and imports alone
            replicas.Add(await StartReplicaAsync());
            var actions = await CreateActionsAsync(replicas[0], 8);
            var probe = new Prober(actions);
            Console.WriteLine($"[{mode}] {actions.Count} actions; 2 replicas");

            await probe.WarmAsync(replicas);
            await probe.RunAsync(mode, "warm-up (not shown)", replicas, 40);
            rows.Add(await probe.RunAsync(mode, "2 replicas, at rest", replicas, probes));

            var joining = StartReplicaAsync();
            rows.Add(await probe.WhileAsync(mode, "3rd replica joining", replicas, joining, TimeSpan.FromSeconds(2)));
            replicas.Add(await joining);
            rows.Add(await probe.RunAsync(mode, "3 replicas, at rest", replicas, probes));

            // A replica that stops answering without leaving (a long pause, a frozen node): still
            // subscribed, it applies nothing; the balancer has dropped it, the others are probed.
            var frozen = replicas[2];
            replicas.RemoveAt(2);
            await Signal(frozen, "-STOP");
            rows.Add(await probe.ForAsync(mode, "3rd replica frozen (SIGSTOP, 3 s)", replicas, TimeSpan.FromSeconds(3)));
            await Signal(frozen, "-CONT");
            replicas.Add(frozen);
            await probe.WarmAsync(replicas);

            // Scale-down: the replica leaves the balancer at once and gets SIGTERM, as in Kubernetes.
            var leaving = Leave(replicas, 2);
            rows.Add(await probe.WhileAsync(mode, "3rd replica leaving", replicas, leaving, TimeSpan.FromSeconds(2)));
            var leaving2 = Leave(replicas, 1);
            rows.Add(await probe.WhileAsync(mode, "2nd replica leaving", replicas, leaving2, TimeSpan.FromSeconds(2)));
            rows.Add(await probe.RunAsync(mode, "1 replica, at rest", replicas, probes));

            var joining2 = StartReplicaAsync();
            rows.Add(await probe.WhileAsync(mode, "2nd replica joining", replicas, joining2, TimeSpan.FromSeconds(2)));
            replicas.Add(await joining2);
            rows.Add(await probe.RunAsync(mode, "2 replicas again, at rest", replicas, probes));

            // A crash: SIGKILL, the process gone without a goodbye (the balancer still drops it).
            replicas.Add(await StartReplicaAsync());
            await probe.WarmAsync(replicas);
            var crashed = replicas[2];
            replicas.RemoveAt(2);
            crashed.Running.Process.Kill();
            rows.Add(await probe.RunAsync(mode, "just after a 3rd replica was killed (SIGKILL)", replicas, probes / 2));

            // Redis killed: reads must not fail; stale reads are counted; then Redis back.
            var outageAction = actions[^1];
            // During the outage a stale read is expected (how stale is the point): no polling until
            // every replica sees the write, only the read at once on another replica.
            var outageProbe = new Prober(actions.Take(actions.Count - 1).ToList()) { PollAll = false };
            await probe.WarmAsync(replicas);
            redis.Kill();
            var outageStart = Stopwatch.StartNew();
            rows.Add(await outageProbe.ForAsync(mode, "Redis down (5 s)", replicas, TimeSpan.FromSeconds(5)));
            // One more write during the outage, on replica 0, after replica 1 cached the action.
            await replicas[1].GetAsync(outageAction);
            var lastOutageNote = await replicas[0].CorrectAsync(outageAction, $"outage {Guid.NewGuid():N}");
            await redis.RestartAsync();
            var restarted = Stopwatch.StartNew();
            // How long until every replica serves the write made during the outage, with no other write.
            var converged = await Prober.UntilAllSeeAsync(replicas, outageAction, lastOutageNote, restarted);
            Console.WriteLine(FormattableString.Invariant(
                $"[{mode}] outage {outageStart.Elapsed.TotalSeconds:F1} s; every replica served the outage write {(converged is { } c ? $"{c:F0} ms" : $"not within {PollBound.TotalSeconds} s")} after Redis restarted"));
            rows.Add(await new Prober(actions.Take(actions.Count - 1).ToList()).ForAsync(mode, "Redis back, first 5 s", replicas, TimeSpan.FromSeconds(5)) with
            {
                Note = converged is { } ms ? FormattableString.Invariant($"outage write everywhere {ms:F0} ms after restart") : "outage write NOT everywhere after 10 s",
            });
            rows.Add(await probe.RunAsync(mode, "after recovery, at rest", replicas, probes));
        }
        finally
        {
            foreach (var r in replicas)
            {
                r.Dispose();
            }
        }

        return rows;
    }

    private static async Task<List<Probed>> CreateActionsAsync(Replica replica, int count)
    {
        var names = new List<Probed>();
        var instruments = await replica.Client.ListInstrumentsAsync(new ListInstrumentsRequest(), replica.Headers);
        foreach (var state in new[] { "DOM", "HTI", "BHS", "GUY", "SUR", "BLZ", "TTO", "JAM" })
        {
            foreach (var instrument in instruments.Instruments)
            {
                try
                {
                    var created = await replica.Client.RecordTreatyActionAsync(new RecordTreatyActionRequest
                    {
                        RequestId = Guid.NewGuid().ToString(),
                        StateCode = state,
                        InstrumentId = instrument.Id,
                        Kind = TreatyActionKind.Accession,
                        DepositDate = new Google.Type.Date { Year = 2001, Month = 6, Day = 1 },
                    }, replica.Headers);
                    names.Add(new Probed(created.TreatyAction.Name, state, instrument.Id));
                    break;
                }
                catch (RpcException)
                {
                    // Not admissible for this state and instrument: try the next.
                }
            }

            if (names.Count == count)
            {
                break;
            }
        }

        return names.Count > 1 ? names : throw new InvalidOperationException("Could not record the actions the probes correct.");
    }

    private static async Task Signal(Replica replica, string signal)
    {
        using var kill = Process.Start("kill", [signal, replica.Running.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static Task Leave(List<Replica> replicas, int index)
    {
        var leaving = replicas[index];
        replicas.RemoveAt(index);
        return Task.Run(async () =>
        {
            await Signal(leaving, "-TERM");

            await leaving.Running.Process.WaitForExitAsync();
            leaving.Dispose();
        });
    }

    /// <summary>An action the probes correct, and where its effect is read: the state's status for the instrument.</summary>
    internal sealed record Probed(string Name, string State, string Instrument);

    internal sealed class Replica(RunningService running) : IDisposable
    {
        private readonly GrpcChannel _channel = GrpcChannel.ForAddress(running.Url);

        public RunningService Running { get; } = running;

        public Metadata Headers { get; } = new() { { "authorization", "Bearer " + Key } };

        public TreatyService.TreatyServiceClient Client => new(_channel);

        /// <summary>The state's reservations to the instrument in its (cached) status: what a correction changes.</summary>
        public async Task<string> GetAsync(Probed action)
        {
            var status = await Client.GetStateStatusAsync(
                new GetStateStatusRequest { StateCode = action.State, AsOf = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 } },
                Headers, DateTime.UtcNow.AddSeconds(5));
            return string.Join(",", status.Instruments.Where(i => i.InstrumentId == action.Instrument).SelectMany(i => i.Reservations));
        }

        public async Task<string> CorrectAsync(Probed action, string note)
        {
            await Client.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
            {
                TreatyAction = new TreatyAction { Name = action.Name, Reservations = { note } },
                UpdateMask = new FieldMask { Paths = { "reservations" } },
                Reason = "coherence probe",
            }, Headers, DateTime.UtcNow.AddSeconds(10));
            return note;
        }

        public void Dispose() => _channel.Dispose();
    }

    private sealed class Prober(List<Probed> actions)
    {
        private int _next;

        public bool PollAll { get; init; } = true;

        public async Task WarmAsync(List<Replica> replicas)
        {
            foreach (var action in actions)
            {
                foreach (var r in replicas)
                {
                    await r.GetAsync(action);
                }
            }
        }

        public async Task<Row> RunAsync(string mode, string phase, List<Replica> replicas, int count)
        {
            var stats = new Stats(mode, phase);
            for (var i = 0; i < count; i++)
            {
                await OneAsync(replicas.ToList(), stats);
            }

            return stats.Row();
        }

        public async Task<Row> ForAsync(string mode, string phase, List<Replica> replicas, TimeSpan duration)
        {
            var stats = new Stats(mode, phase);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                await OneAsync(replicas.ToList(), stats);
            }

            return stats.Row();
        }

        /// <summary>Probes while <paramref name="change"/> runs and for <paramref name="after"/> once it is done.</summary>
        public async Task<Row> WhileAsync(string mode, string phase, List<Replica> replicas, Task change, TimeSpan after)
        {
            var stats = new Stats(mode, phase);
            while (!change.IsCompleted)
            {
                await OneAsync(replicas.ToList(), stats);
            }

            await change;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < after)
            {
                await OneAsync(replicas.ToList(), stats);
            }

            return stats.Row();
        }

        private async Task OneAsync(List<Replica> replicas, Stats stats)
        {
            var n = _next++;
            var action = actions[n % actions.Count];
            var writer = replicas[n % replicas.Count];
            var reader = replicas.Count > 1 ? replicas[(n + 1) % replicas.Count] : null;

            // Every replica has the action in its cache before the write.
            foreach (var r in replicas)
            {
                try
                {
                    await r.GetAsync(action);
                }
                catch (RpcException)
                {
                    stats.ReadFailures++;
                }
            }

            var note = $"probe {n} {Guid.NewGuid():N}";
            var write = Stopwatch.StartNew();
            try
            {
                await writer.CorrectAsync(action, note);
                stats.WriteMs.Add(write.Elapsed.TotalMilliseconds);
            }
            catch (RpcException)
            {
                stats.WriteFailures++;
                return;
            }

            var written = Stopwatch.StartNew();
            if (reader is not null)
            {
                try
                {
                    stats.CrossReads++;
                    if (await reader.GetAsync(action) == note)
                    {
                        stats.CrossSeen++;
                    }
                }
                catch (RpcException)
                {
                    stats.ReadFailures++;
                }

                if (!PollAll)
                {
                    return;
                }

                if (await UntilAllSeeAsync(replicas, action, note, written) is { } ms)
                {
                    stats.AllSeeMs.Add(ms);
                }
                else
                {
                    stats.NeverSeen++;
                }
            }
        }

        /// <summary>Milliseconds (since <paramref name="since"/> started) until every replica serves <paramref name="note"/>; null past the bound.</summary>
        public static async Task<double?> UntilAllSeeAsync(List<Replica> replicas, Probed action, string note, Stopwatch since)
        {
            var pending = replicas.ToList();
            while (since.Elapsed < PollBound)
            {
                var still = new List<Replica>();
                foreach (var r in pending)
                {
                    try
                    {
                        if (await r.GetAsync(action) != note)
                        {
                            still.Add(r);
                        }
                    }
                    catch (RpcException)
                    {
                        still.Add(r);
                    }
                }

                if (still.Count == 0)
                {
                    return since.Elapsed.TotalMilliseconds;
                }

                pending = still;
                await Task.Delay(5);
            }

            return null;
        }
    }

    private sealed class Stats(string mode, string phase)
    {
        public List<double> WriteMs { get; } = [];

        public List<double> AllSeeMs { get; } = [];

        public int CrossReads { get; set; }

        public int CrossSeen { get; set; }

        public int NeverSeen { get; set; }

        public int ReadFailures { get; set; }

        public int WriteFailures { get; set; }

        public Row Row() => new(mode, phase, WriteMs.Count + WriteFailures, CrossReads, CrossSeen, NeverSeen,
            Percentile(AllSeeMs, 0.5), Percentile(AllSeeMs, 0.99), AllSeeMs.Count == 0 ? double.NaN : AllSeeMs.Max(), AllSeeMs,
            Percentile(WriteMs, 0.5), Percentile(WriteMs, 0.99), ReadFailures, WriteFailures, "");

        private static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
        }
    }

    private sealed record Row(
        string Mode, string Phase, int Probes, int CrossReads, int CrossSeen, int NeverSeen,
        double AllP50, double AllP99, double AllMax, List<double> AllSeeMs, double WriteP50, double WriteP99, int ReadFailures, int WriteFailures, string Note)
    {
        public string Format()
        {
            var seen = CrossReads == 0 ? "n/a (1 replica)" : FormattableString.Invariant($"{100.0 * CrossSeen / CrossReads:F1}% ({CrossSeen}/{CrossReads})");
            var all = CrossReads == 0 ? "n/a" : AllSeeMs.Count == 0 && NeverSeen == 0 ? "not polled" : FormattableString.Invariant($"{AllP50:F1} / {AllP99:F1} / {AllMax:F0}") + (NeverSeen > 0 ? $", {NeverSeen} never" : "");
            var note = Note.Length > 0 ? $" ({Note})" : "";
            return FormattableString.Invariant(
                $"| {Mode} | {Phase}{note} | {Probes} | {seen} | {all} | {WriteP50:F1} / {WriteP99:F1} | {ReadFailures} | {WriteFailures} |");
        }
    }
}
