using System.Diagnostics;
using Grpc.Core;

namespace TocMesh.Benchmarks;

/// <summary>Calls per second and latency percentiles of one method at one concurrency; every status checked.</summary>
public sealed record LoadResult(int Concurrency, long Calls, long Failures, double CallsPerSecond, double P50Ms, double P99Ms);

public static class LoadRun
{
    /// <summary>
    /// Runs <paramref name="concurrency"/> callers for <paramref name="duration"/> after a warm-up;
    /// a call counts only when it returned OK.
    /// </summary>
    public static async Task<LoadResult> RunAsync(Func<CancellationToken, Task> call, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        using (var warm = new CancellationTokenSource(warmup))
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Loop(call, null, warm.Token)));
        }

        var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>(100_000)).ToArray();
        var failures = new long[concurrency];
        var stopwatch = Stopwatch.StartNew();
        using (var run = new CancellationTokenSource(duration))
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Loop(call, (latencies[i], () => failures[i]++), run.Token)));
        }

        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(concurrency, all.Length, failures.Sum(), all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static async Task Loop(Func<CancellationToken, Task> call, (List<double> Latencies, Action Failed)? record, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call(CancellationToken.None);
                record?.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (RpcException)
            {
                record?.Failed();
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
