using Microsoft.Extensions.Options;

namespace TocMesh.Directory.Application;

/// <summary>
/// Bounds how many watch streams one replica serves at once (<see cref="DirectoryOptions.MaxWatchers"/>),
/// and how many of them one caller holds: anonymous callers together at most their share
/// (<see cref="DirectoryOptions.AnonymousWatcherPercent"/>), each anonymous address at most
/// <see cref="DirectoryOptions.MaxWatchersPerAddress"/>, each agency or service at most
/// <see cref="DirectoryOptions.MaxWatchersPerAgency"/>; so anonymous callers cannot take every place
/// from the partners.
/// </summary>
public sealed class WatchSlots(IOptions<DirectoryOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private int _total;
    private int _anonymous;

    /// <summary>A place for a watch by <paramref name="callerKey"/> (its quota key), or null when it has none left.</summary>
    public Slot? TryEnter(string callerKey, bool anonymous)
    {
        var settings = options.Value;
        var anonymousLimit = Math.Max(1, settings.MaxWatchers * Math.Clamp(settings.AnonymousWatcherPercent, 0, 100) / 100);
        var perCaller = anonymous ? settings.MaxWatchersPerAddress : settings.MaxWatchersPerAgency;
        lock (_gate)
        {
            var held = _held.GetValueOrDefault(callerKey);
            if (_total >= settings.MaxWatchers || held >= Math.Max(1, perCaller) || (anonymous && _anonymous >= anonymousLimit))
            {
                return null;
            }

            _total++;
            _anonymous += anonymous ? 1 : 0;
            _held[callerKey] = held + 1;
            return new Slot(this, callerKey, anonymous);
        }
    }

    private void Release(string callerKey, bool anonymous)
    {
        lock (_gate)
        {
            _total--;
            _anonymous -= anonymous ? 1 : 0;
            if (--_held[callerKey] == 0)
            {
                _held.Remove(callerKey);
            }
        }
    }

    /// <summary>A watch's place; disposing it gives the place back (once).</summary>
    public sealed class Slot(WatchSlots slots, string callerKey, bool anonymous) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(callerKey, anonymous);
            }
        }
    }
}
