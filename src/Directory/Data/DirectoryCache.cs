using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Caching;

namespace TocMesh.Directory.Data;

/// <summary>
/// The cache tags of the directory's reads, so a write invalidates exactly what it changes: the
/// contact itself, its state's reads, and reads across every state.
/// </summary>
public static class DirectoryCacheTags
{
    public const string AllStates = "contacts:all";
    public const string ChangeRequests = "change-requests";

    public static string Contact(string id) => $"contact:{id}";

    public static string State(string stateCode) => $"contacts:{stateCode}";

    /// <summary>A read of one state (or of every state, when null).</summary>
    public static string[] ForRead(string? stateCode) => [stateCode is null ? AllStates : State(stateCode)];

    public static string[] ForWrite(string contactId, string stateCode) => [Contact(contactId), State(stateCode), AllStates];

    public static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(2),
    };
}

/// <summary>
/// Wakes the watchers of every replica when a change is committed: those of this replica at once,
/// those of the others through the <see cref="ReplicaBus"/>. Watchers still poll, in case a notice
/// is lost (Redis down); a wake-up only makes them read the change log sooner.
/// </summary>
public sealed class DirectoryChangeSignal
{
    private const string ChangedTopic = "directory-changed";
    private readonly ReplicaBus _bus;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DirectoryChangeSignal(ReplicaBus bus)
    {
        _bus = bus;
        bus.On(ChangedTopic, _ => { Wake(); return Task.CompletedTask; });
        // Notices may have been missed while disconnected: look at the log now.
        bus.OnResync(() => { Wake(); return Task.CompletedTask; });
    }

    /// <summary>Completes at the next change committed after it was read.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    /// <summary>Call after the commit of a change.</summary>
    public Task NotifyAsync(string stateCode)
    {
        Wake();
        return _bus.PublishAsync(ChangedTopic, [stateCode]);
    }

    private void Wake() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>Settings of the directory (configuration section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>When an opener gives no due date, a change request is due this many days after it was opened.</summary>
    public int ChangeRequestFollowUpDays { get; set; } = 90;

    /// <summary>Rows read from the database per query while exporting.</summary>
    public int ExportPageSize { get; set; } = 200;

    /// <summary>Changes read from the log per query while watching.</summary>
    public int WatchBatchSize { get; set; } = 100;

    /// <summary>How often a watcher looks in the log when no wake-up came (a notice lost while Redis was down).</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Watch streams one replica serves at once; more are refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxWatchers { get; set; } = 200;
}
