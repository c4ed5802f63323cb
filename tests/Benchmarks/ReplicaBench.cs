using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
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
    internal const string Key = "benchmark-secretariat-key";

    public static async Task RunAsync(string root, int probes, IReadOnlyList<string> modes)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"Replica coherence · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} · {probes} probes per phase at rest"));
        var rows = new List<ProbeRow>();
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

    private static async Task<List<ProbeRow>> RunModeAsync(string root, string mode, int probes)
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
        var replicas = new List<TreatyReplica>();
        async Task<TreatyReplica> StartReplicaAsync()
        {
            var port = nextPort;
            nextPort += 2;
            var running = await services.StartAsync("treaty", "src/Treaty/bin/Release/net10.0/TocMesh.Treaty.dll", port,
                [.. treatyEnv, ("Kestrel__Endpoints__rest__Url", $"http://127.0.0.1:{port + 1}")]);
            return new TreatyReplica(running);
        }

        var rows = new List<ProbeRow>();
        try
        {
            replicas.Add(await StartReplicaAsync()); // migrates and imports alone
            replicas.Add(await StartReplicaAsync());
            var actions = await CreateActionsAsync(replicas[0], 8);
            var probe = new CoherenceProbe(actions);
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
            var outageProbe = new CoherenceProbe(actions.Take(actions.Count - 1).ToList()) { PollAll = false };
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
            var converged = await CoherenceProbe.UntilAllSeeAsync(replicas, outageAction, lastOutageNote, restarted);
            Console.WriteLine(FormattableString.Invariant(
                $"[{mode}] outage {outageStart.Elapsed.TotalSeconds:F1} s; every replica served the outage write {(converged is { } c ? $"{c:F0} ms" : $"not within {CoherenceProbe.PollBound.TotalSeconds} s")} after Redis restarted"));
            rows.Add(await new CoherenceProbe(actions.Take(actions.Count - 1).ToList()).ForAsync(mode, "Redis back, first 5 s", replicas, TimeSpan.FromSeconds(5)) with
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

    private static async Task<List<Probed>> CreateActionsAsync(TreatyReplica replica, int count)
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

    private static async Task Signal(TreatyReplica replica, string signal)
    {
        using var kill = Process.Start("kill", [signal, replica.Running.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static Task Leave(List<TreatyReplica> replicas, int index)
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
}
