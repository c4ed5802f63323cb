using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// How long a report takes to render (<c>tocmesh.report.render.duration</c>, tags <c>report</c> and
/// <c>partial</c>): only real renders, not a finished report served from the cache.
/// </summary>
public sealed class ReportRenderMetrics(IMeterFactory meters, ServiceIdentity service)
{
    private readonly Histogram<double> _duration = meters.Create(service.TelemetryName).CreateHistogram<double>(
        "tocmesh.report.render.duration", unit: "s", description: "Time to render a report, by report and whether a section was missing.");

    /// <summary>Records a render that started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Rendered(string report, long startedTimestamp, bool partial = false) =>
        _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("report", report),
            new KeyValuePair<string, object?>("partial", partial));
}
