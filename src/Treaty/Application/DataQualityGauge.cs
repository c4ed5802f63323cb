using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using TocMesh.ServiceDefaults;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>
/// The current data-quality findings by rule and severity (<c>tocmesh.treaty.data_quality.findings</c>).
/// Findings change only when the reference data is imported (on start and on request), so the import
/// hands over the counts and a scrape reads them from memory.
/// </summary>
public sealed class DataQualityGauge
{
    private FrozenDictionary<(string Rule, FindingSeverity Severity), int>? _counts;

    public DataQualityGauge(IMeterFactory meters, ServiceIdentity service) =>
        meters.Create(service.TelemetryName).CreateObservableGauge(
            "tocmesh.treaty.data_quality.findings", Observe, unit: "{finding}",
            description: "Data-quality findings of the imported reference data, by rule and severity.");

    /// <summary>Replaces the counts with those of <paramref name="findings"/>, the complete current list.</summary>
    public void Update(IEnumerable<DataQualityFinding> findings) =>
        Volatile.Write(ref _counts, findings.DistinctBy(f => f.Key)
            .CountBy(f => (f.Rule, f.Severity)).ToFrozenDictionary(c => c.Key, c => c.Value));

    private IEnumerable<Measurement<int>> Observe() =>
        // Nothing before the first import: no figure rather than a false zero.
        Volatile.Read(ref _counts) is { } counts
            ? counts.Select(c => new Measurement<int>(c.Value,
                new KeyValuePair<string, object?>("rule", c.Key.Rule),
                new KeyValuePair<string, object?>("severity", c.Key.Severity.ToString())))
            : [];
}
