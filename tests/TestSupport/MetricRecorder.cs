using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.TestSupport;

/// <summary>
/// Listens to the instruments of one service host only (its <see cref="IMeterFactory"/>), so hosts of
/// other tests running at the same time do not count. Counters and histograms are recorded as they
/// happen; observable gauges when <see cref="ObserveAsync"/> asks for them.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _recorded = new();
    private readonly ConcurrentQueue<Measured> _observed = new();
    private readonly object _scope;

    public MetricRecorder(IServiceProvider services, params string[] instruments)
    {
        _scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _scope) && instruments.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>What <paramref name="instrument"/> recorded so far.</summary>
    public IReadOnlyList<Measured> Of(string instrument) => [.. _recorded.Where(m => m.Instrument == instrument)];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tag <paramref name="key"/> is <paramref name="value"/>.</summary>
    public double Sum(string instrument, string key, string value) => Of(instrument).Where(m => m.Tag(key) == value).Sum(m => m.Value);

    /// <summary>
    /// Reads the observable <paramref name="instrument"/> until <paramref name="done"/> holds for one
    /// reading, and returns that reading; fails after <paramref name="timeout"/> with the last one.
    /// </summary>
    public async Task<IReadOnlyList<Measured>> ObserveAsync(string instrument, Func<IReadOnlyList<Measured>, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        IReadOnlyList<Measured> reading;
        while (true)
        {
            _observed.Clear();
            _listener.RecordObservableInstruments();
            reading = [.. _observed.Where(m => m.Instrument == instrument)];
            if (done(reading) || DateTime.UtcNow > until)
            {
                break;
            }

            await Task.Delay(50);
        }

        return done(reading)
            ? reading
            : throw new TimeoutException($"{instrument} read [{string.Join(", ", reading.Select(m => $"{m.Value} {string.Join(',', m.Tags)}"))}]");
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, string>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        (instrument.IsObservable ? _observed : _recorded).Enqueue(new Measured(instrument.Name, value, dictionary));
    }
}
