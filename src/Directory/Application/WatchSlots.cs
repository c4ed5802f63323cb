using Microsoft.Extensions.Options;

namespace TocMesh.Directory.Application;

/// <summary>Bounds how many watch streams one replica serves at once.</summary>
public sealed class WatchSlots(IOptions<DirectoryOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxWatchers, options.Value.MaxWatchers);

    public bool TryEnter() => _slots.Wait(0);

    public void Release() => _slots.Release();
}
