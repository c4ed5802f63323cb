using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

/// <summary>
/// The Directory as a real process, killed with SIGKILL in the middle of a stream of writes:
/// every write it acknowledged is there after a restart, and nothing is half-written.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const string Key = "crash-test-secretariat-key";

    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigkill_and_none_is_half_written()
    {
        var folder = TemporaryFolders.New("crash");
        var acknowledged = new ConcurrentDictionary<string, string>(); // request id -> contact name
        var attempted = 0;

        using (var first = await DirectoryProcess.StartAsync(folder))
        {
            using var channel = GrpcChannel.ForAddress(first.Url);
            var directory = new DirectoryService.DirectoryServiceClient(channel);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref attempted);
                    var requestId = Guid.NewGuid().ToString();
                    try
                    {
                        var contact = ContactFixtures.PointOfContact("MEX", institution: requestId);
                        var created = await directory.CreateContactAsync(
                            new CreateContactRequest { Contact = contact, RequestId = requestId, Reason = "crash test" },
                            new Metadata { { "authorization", "Bearer " + Key } },
                            deadline: DateTime.UtcNow.AddSeconds(10));
                        acknowledged[requestId] = created.Contact.Name;
                    }
                    catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled or StatusCode.DeadlineExceeded)
                    {
                        // Unacknowledged (the process died under it): it may or may not be there.
                        return;
                    }
                }
            })).ToArray();

            // Let a few hundred writes through, then kill the process mid-stream.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline && !writers.All(w => w.IsCompleted))
            {
                await Task.Delay(20);
            }

            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} of {attempted} writes were acknowledged before the kill");

        using var second = await DirectoryProcess.StartAsync(folder);
        using var again = GrpcChannel.ForAddress(second.Url);
        var restarted = new DirectoryService.DirectoryServiceClient(again);
        var auth = new Metadata { { "authorization", "Bearer " + Key } };
        foreach (var (requestId, name) in acknowledged)
        {
            var contact = (await restarted.GetContactAsync(new GetContactRequest { Name = name }, auth)).Contact;
            Assert.Equal(requestId, contact.Institution);
            var history = await restarted.GetContactHistoryAsync(new GetContactHistoryRequest { Name = name }, auth);
            Assert.Single(history.Revisions);
        }

        // A retry (the same request) of an acknowledged create after the restart finds the original, not a second record.
        var (retryId, retryName) = acknowledged.First();
        var retried = await restarted.CreateContactAsync(
            new CreateContactRequest { Contact = ContactFixtures.PointOfContact("MEX", institution: retryId), RequestId = retryId, Reason = "crash test" }, auth);
        Assert.Equal(retryName, retried.Contact.Name);
    }

    /// <summary>The built Directory service run as its own process on a loopback port.</summary>
    private sealed class DirectoryProcess : IDisposable
    {
        private static readonly System.Text.RegularExpressions.Regex ListeningOn = new(@"Now listening on: (http://127\.0\.0\.1:\d+)");

        private readonly Process _process;

        private readonly string _socket;

        private DirectoryProcess(Process process, string url, string socket)
        {
            _process = process;
            Url = url;
            _socket = socket;
        }

        public string Url { get; }

        /// <summary>
        /// Starts the service on a port the system chooses when Kestrel binds it (read back from the
        /// "Now listening on" line), and its JSON endpoint on a Unix socket of its own.
        /// </summary>
        public static async Task<DirectoryProcess> StartAsync(string folder)
        {
            var executable = ServiceExecutable(typeof(Grpc.DirectoryGrpcService).Assembly.Location);
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(executable)! };
            start.ArgumentList.Add(executable);
            start.Environment["Kestrel__Endpoints__http__Url"] = "http://127.0.0.1:0";
            // A Unix socket path must stay under 108 bytes, so not in the (long) test folder.
            var socket = Path.Combine(Path.GetTempPath(), $"tocmesh-rest-{Guid.NewGuid():N}.sock");
            start.Environment["Kestrel__Endpoints__rest__Url"] = $"http://unix:{socket}";
            start.Environment["ConnectionStrings__directorydb"] = $"Data Source={Path.Combine(folder, "directory.db")}";
            start.Environment["Auth__ApiKeys__0__Agency"] = "OAS General Secretariat";
            start.Environment["Auth__ApiKeys__0__Sha256"] = ApiKeyRegistry.Hash(Key);
            start.Environment["Auth__ApiKeys__0__Roles__0"] = Caller.SecretariatRole;
            start.Environment["RateLimits__AgencyPermitsPerSecond"] = "100000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) =>
            {
                var match = e.Data is null ? null : ListeningOn.Match(e.Data);
                if (match is { Success: true })
                {
                    listening.TrySetResult(match.Groups[1].Value);
                }
            };
            var errors = new ConcurrentQueue<string>();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null && errors.Count < 40)
                {
                    errors.Enqueue(e.Data);
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
                $"the Directory process exited with {process.ExitCode} before it listened:\n{string.Join('\n', errors)}"));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var channel = GrpcChannel.ForAddress(url);
            var health = new Health.HealthClient(channel);
            for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
            {
                try
                {
                    await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                    return new DirectoryProcess(process, url, socket);
                }
                catch (RpcException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                }
            }
        }

        /// <summary>The service's own build output (with its runtimeconfig), beside this test's copy of the assembly.</summary>
        private static string ServiceExecutable(string copiedDll)
        {
            var configuration = new DirectoryInfo(Path.GetDirectoryName(copiedDll)!).Parent!.Name; // Debug or Release
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "TocMesh.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root!.FullName, "src", "Directory", "bin", configuration, "net10.0", "TocMesh.Directory.dll");
        }

        /// <summary>SIGKILL: no shutdown, no flush, as in a crash.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
            File.Delete(_socket);
        }
    }
}
