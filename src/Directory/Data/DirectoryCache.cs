using Microsoft.Extensions.Caching.Hybrid;

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

/// <summary>Wakes the watchers of this replica when a change is committed; the others poll.</summary>
public sealed class DirectoryChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change committed after it was read.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Notify() =>
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

    /// <summary>How often a watcher looks for changes committed by other replicas.</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Watch streams one replica serves at once; more are refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxWatchers { get; set; } = 200;
}
