using TocMesh.ServiceDefaults.Caching;

namespace TocMesh.Directory.Application;

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
