using System.Diagnostics;
using Grpc.Core;

namespace TocMesh.Benchmarks;

/// <summary>
/// One write-then-read probe after another over the replicas running at that moment: every replica
/// reads (and caches) a state's status, one corrects an action that changes it, another reads it at
/// once, then every replica is polled until all serve the correction.
/// </summary>
internal sealed class CoherenceProbe(List<Probed> actions)
{
    public static readonly TimeSpan PollBound = TimeSpan.FromSeconds(10);

    private int _next;

    public bool PollAll { get; init; } = true;

    public async Task WarmAsync(List<TreatyReplica> replicas)
    {
        foreach (var action in actions)
        {
            foreach (var r in replicas)
            {
                await r.GetAsync(action);
            }
        }
    }

    public async Task<ProbeRow> RunAsync(string mode, string phase, List<TreatyReplica> replicas, int count)
    {
        var stats = new ProbeStats(mode, phase);
        for (var i = 0; i < count; i++)
        {
            await OneAsync(replicas.ToList(), stats);
        }

        return stats.Row();
    }

    public async Task<ProbeRow> ForAsync(string mode, string phase, List<TreatyReplica> replicas, TimeSpan duration)
    {
        var stats = new ProbeStats(mode, phase);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await OneAsync(replicas.ToList(), stats);
        }

        return stats.Row();
    }

    /// <summary>Probes while <paramref name="change"/> runs and for <paramref name="after"/> once it is done.</summary>
    public async Task<ProbeRow> WhileAsync(string mode, string phase, List<TreatyReplica> replicas, Task change, TimeSpan after)
    {
        var stats = new ProbeStats(mode, phase);
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

    private async Task OneAsync(List<TreatyReplica> replicas, ProbeStats stats)
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
    public static async Task<double?> UntilAllSeeAsync(List<TreatyReplica> replicas, Probed action, string note, Stopwatch since)
    {
        var pending = replicas.ToList();
        while (since.Elapsed < PollBound)
        {
            var still = new List<TreatyReplica>();
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

internal sealed class ProbeStats(string mode, string phase)
{
    public List<double> WriteMs { get; } = [];

    public List<double> AllSeeMs { get; } = [];

    public int CrossReads { get; set; }

    public int CrossSeen { get; set; }

    public int NeverSeen { get; set; }

    public int ReadFailures { get; set; }

    public int WriteFailures { get; set; }

    public ProbeRow Row() => new(mode, phase, WriteMs.Count + WriteFailures, CrossReads, CrossSeen, NeverSeen,
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

internal sealed record ProbeRow(
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
