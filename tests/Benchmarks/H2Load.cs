using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TocMesh.Benchmarks;

/// <summary>One h2load run: calls per second, and whether every answer was the expected response.</summary>
public sealed record H2LoadResult(long Succeeded, long Failed, double CallsPerSecond, long DataBytes, long ExpectedDataBytes)
{
    /// <summary>
    /// h2load counts any HTTP 200 as a success, and a gRPC error is an HTTP 200 with no message, so
    /// the check is on the bytes: every call must have carried the whole recorded response.
    /// </summary>
    public bool AllAnswered => Failed == 0 && Succeeded > 0 && DataBytes >= ExpectedDataBytes;
}

/// <summary>
/// Runs Debian's h2load (nghttp2-client) on core 1 against a gRPC method: the request is a file of
/// one gRPC frame, sent as the body of every call.
/// </summary>
public static partial class H2Load
{
    public static async Task<H2LoadResult> RunAsync(string url, string requestFile, long responseFrameBytes, int connections, int streams, TimeSpan duration)
    {
        var output = await RunAsync(url, requestFile, connections, streams, ["-D", Seconds(duration)]);
        var requests = Requests().Match(output);
        var throughput = Throughput().Match(output);
        var traffic = Traffic().Match(output);
        if (!requests.Success || !throughput.Success || !traffic.Success)
        {
            throw new InvalidOperationException("h2load printed no summary:\n" + output);
        }

        var succeeded = long.Parse(requests.Groups["succeeded"].Value, CultureInfo.InvariantCulture);
        var failed = long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture);
        return new H2LoadResult(
            succeeded,
            failed,
            double.Parse(throughput.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(traffic.Groups[1].Value, CultureInfo.InvariantCulture),
            succeeded * responseFrameBytes);
    }

    /// <summary>
    /// Unmeasured load (4 connections × 16 streams, 3 s at a time) for at least 15 s and then until two
    /// runs in a row agree within 5 %, at most <paramref name="limit"/>: the runtime recompiles hot
    /// methods (tiered JIT, with profile-guided optimization) on a background thread, and on a server with one core under full
    /// load that takes tens of seconds, longer for a server with more code on its path. A fixed count
    /// of warm-up calls left the services still compiling while they were measured, against a bare
    /// server that had finished. Returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> WarmAsync(string url, string requestFile, long responseFrameBytes, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        var previous = 0.0;
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            var current = (await RunAsync(url, requestFile, responseFrameBytes, 4, 16, TimeSpan.FromSeconds(3))).CallsPerSecond;
            if (Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(15) && Math.Abs(current - previous) <= 0.05 * previous)
            {
                break;
            }

            previous = current;
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<string> RunAsync(string url, string requestFile, int connections, int streams, string[] extra)
    {
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-c", "1", "h2load", "-t", "1",
                     "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-m", streams.ToString(CultureInfo.InvariantCulture),
                     "-H", "content-type: application/grpc", "-H", "te: trailers",
                     "-d", requestFile,
                 }.Concat(extra).Append(url))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static string Seconds(TimeSpan duration) => ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed")]
    private static partial Regex Requests();

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"traffic: .*? total, .*? headers \(space savings [\d.]+%\), \S+ \((\d+)\) data")]
    private static partial Regex Traffic();
}
