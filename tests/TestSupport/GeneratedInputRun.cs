using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using TocMesh.ServiceDefaults.Contracts;
using Xunit;

namespace TocMesh.TestSupport;

/// <summary>
/// Sends <see cref="GeneratedInput"/> to every method of a service, over gRPC and over its JSON routes,
/// as an anonymous caller, a partner and a state editor, and asserts what must hold for any input:
/// never INTERNAL or UNKNOWN (never HTTP 500), every response under <see cref="MaxResponseBytes"/>,
/// every call done within <see cref="MaxCallTime"/>, and the managed heap grown by less than
/// <see cref="MaxHeapGrowthBytes"/> across the run. The normal run sends every method every kind once
/// on each surface; <c>TOCMESH_FUZZ_CASES=100000</c> adds that many random cases.
/// </summary>
public sealed class GeneratedInputRun(ServiceDescriptor service, Func<string?, CallInvoker> grpc, Func<HttpClient> http)
{
    public const int MaxResponseBytes = 2 * 1024 * 1024;
    public const long MaxHeapGrowthBytes = 256L * 1024 * 1024;
    public const string CasesVariable = "TOCMESH_FUZZ_CASES";

    /// <summary>Generous: a call that takes longer on any machine is doing unbounded work.</summary>
    public static readonly TimeSpan MaxCallTime = TimeSpan.FromSeconds(20);

    /// <summary>How long a server stream (a watch has no end) is read before the test leaves it.</summary>
    public static readonly TimeSpan StreamWindow = TimeSpan.FromMilliseconds(300);

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly string?[] Callers = [null, TestKeys.Partner, TestKeys.MexicoEditor];

    private static readonly ProtoValidate.Validator Validator = new();

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _outcomes = [];
    private long _largestResponse;
    private TimeSpan _slowest;
    private string _slowestCase = "";

    /// <summary>Random cases on top of the sweep: <c>TOCMESH_FUZZ_CASES</c>, 0 unless set.</summary>
    public static int ExtraCases => int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var n) ? n : 0;

    /// <summary>Runs the sweep and <see cref="ExtraCases"/>, then asserts; returns a summary to print.</summary>
    public async Task<string> RunAsync(int seed = 13)
    {
        var input = new GeneratedInput(seed);
        var methods = service.Methods.Where(m => !m.IsClientStreaming).ToList();
        await CaseAsync(input, methods[0], InputKind.Empty, json: false, caller: null); // warm-up: the baseline includes a started service
        _slowest = TimeSpan.Zero;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var sent = 0;
        foreach (var method in methods)
        {
            foreach (var kind in Enum.GetValues<InputKind>())
            {
                foreach (var json in new[] { false, true })
                {
                    sent += await CaseAsync(input, method, kind, json, Callers[sent % Callers.Length]) ? 1 : 0;
                }
            }
        }

        var kinds = Enum.GetValues<InputKind>();
        for (var i = 0; i < ExtraCases; i++)
        {
            var random = input.Random;
            sent += await CaseAsync(input, methods[random.Next(methods.Count)], kinds[random.Next(kinds.Length)], random.Next(2) == 0, Callers[random.Next(Callers.Length)]) ? 1 : 0;
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var summary = $"{service.Name}: {sent} calls; outcomes {string.Join(", ", _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}; "
            + $"largest response {_largestResponse:N0} bytes; slowest call {_slowest.TotalMilliseconds:N0} ms ({_slowestCase}); heap growth {growth / 1024:N0} KiB; working set {Environment.WorkingSet / (1024 * 1024):N0} MiB";
        Assert.True(_failures.Count == 0, $"{_failures.Count} failures, first: {string.Join(Environment.NewLine, _failures.Take(15))}{Environment.NewLine}{summary}");
        Assert.True(growth < MaxHeapGrowthBytes, summary);
        Assert.True(sent >= methods.Count * 8, summary);
        return summary;
    }

    private async Task<bool> CaseAsync(GeneratedInput input, MethodDescriptor method, InputKind kind, bool json, string? caller)
    {
        if (json && HttpRoute.For(method) is null)
        {
            return false;
        }

        var what = $"{method.Name} {kind} {(json ? "JSON" : "gRPC")} as {caller ?? "anonymous"}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (outcome, bytes) = json
                ? await JsonAsync(input, method, kind, caller)
                : await GrpcAsync(Body(input, method, kind, what), method, caller);
            Count(outcome);
            _largestResponse = Math.Max(_largestResponse, bytes);
            Check(bytes <= MaxResponseBytes, $"{what}: a response of {bytes:N0} bytes");
            Check(outcome is not ("Internal" or "Unknown" or "DataLoss" or "Unimplemented" or "500" or "501"), $"{what}: {outcome}");
            Check(outcome is not "DeadlineExceeded" and not "504", $"{what}: ran past {MaxCallTime.TotalSeconds} s");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Check(false, $"{what}: {e.GetType().Name}: {e.Message}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > _slowest)
        {
            _slowest = elapsed;
            _slowestCase = what;
        }
        return true;
    }

    /// <summary>
    /// The request's bytes; on the way, the direct check of the plain bounds must agree with
    /// protovalidate, which decides whatever it does not compile.
    /// </summary>
    private byte[] Body(GeneratedInput input, MethodDescriptor method, InputKind kind, string what)
    {
        if (kind == InputKind.RandomBytes)
        {
            return input.Request(method, kind);
        }

        var message = input.Message(method.InputType, kind);
        if (DeclaredBounds.Allows(message) is { } allowed)
        {
            Check(allowed == Validator.Validate(message, true).IsSuccess, $"{what}: the direct check says {allowed}, protovalidate the opposite");
        }

        return message.ToByteArray();
    }

    private async Task<(string Outcome, long Bytes)> GrpcAsync(byte[] body, MethodDescriptor method, string? caller)
    {
        var invoker = grpc(caller);
        var deadline = DateTime.UtcNow + MaxCallTime;
        try
        {
            if (!method.IsServerStreaming)
            {
                var call = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, method.Name, Bytes, Bytes);
                var response = await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: deadline), body);
                return ("OK", response.Length);
            }

            var stream = new Method<byte[], byte[]>(MethodType.ServerStreaming, service.FullName, method.Name, Bytes, Bytes);
            using var window = new CancellationTokenSource(StreamWindow);
            using var reading = invoker.AsyncServerStreamingCall(stream, null, new CallOptions(deadline: deadline, cancellationToken: window.Token), body);
            long largest = 0;
            try
            {
                while (await reading.ResponseStream.MoveNext(window.Token))
                {
                    largest = Math.Max(largest, reading.ResponseStream.Current.Length);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && window.IsCancellationRequested)
            {
                // The test left a stream that was still open (a watch waits for changes).
            }

            return ("OK", largest);
        }
        catch (RpcException e)
        {
            return (e.StatusCode.ToString(), e.Status.Detail.Length);
        }
    }

    private async Task<(string Outcome, long Bytes)> JsonAsync(GeneratedInput input, MethodDescriptor method, InputKind kind, string? caller)
    {
        using var request = HttpRoute.For(method)!.Request(input, kind);
        if (caller is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", caller);
        }

        using var client = http();
        client.Timeout = MaxCallTime;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0 && total <= MaxResponseBytes)
        {
            total += read;
        }

        return (((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), total);
    }

    private void Count(string outcome) => _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;

    private void Check(bool ok, string failure)
    {
        if (!ok)
        {
            _failures.Add(failure);
        }
    }
}
