using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Xunit;

namespace TocMesh.TestSupport;

/// <summary>
/// What a service would send to its telemetry backend, caught in memory: every exported span (name,
/// attributes, events, links, status) and every exported log record (message, attributes, scopes,
/// exception) through the OpenTelemetry in-memory exporters, plus every log line of every logger.
/// Each item is turned into text as it is exported (the exporters reuse their records).
/// </summary>
public sealed class TelemetryCapture
{
    private readonly TextSink<Activity> _spans = new(Describe);
    private readonly TextSink<LogRecord> _logs = new(Describe);
    private readonly LogLines _lines = new();

    public IReadOnlyCollection<string> Spans => _spans.Texts;

    public IReadOnlyCollection<string> Logs => [.. _logs.Texts, .. _lines.Texts];

    /// <summary>Adds the in-memory exporters to the service's OpenTelemetry pipeline, and a logger that keeps everything.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(_spans))
            .WithLogging(l => l.AddInMemoryExporter(_logs));
        services.AddSingleton<ILoggerProvider>(_lines);
    }

    /// <summary>Fails naming the first span or log record that contains any of <paramref name="secrets"/> (case-insensitive).</summary>
    public void AssertNoneContains(params string[] secrets)
    {
        Assert.NotEmpty(Spans);
        Assert.NotEmpty(_logs.Texts);
        Assert.NotEmpty(_lines.Texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(Spans, s => s.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(Logs, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Describe(Activity a) =>
        string.Join('|', new[] { a.Source.Name, a.DisplayName, a.OperationName, a.StatusDescription ?? "", "trace=" + a.TraceId }
            .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Append(e.Name)))
            .Concat(a.Links.SelectMany(l => l.Tags?.Select(t => $"link:{t.Key}={t.Value}") ?? []))
            .Concat(a.Baggage.Select(b => $"baggage:{b.Key}={b.Value}")));

    private static string Describe(LogRecord r)
    {
        var scopes = new List<string>();
        r.ForEachScope(
            (scope, list) =>
            {
                foreach (var pair in scope)
                {
                    list.Add($"{pair.Key}={pair.Value}");
                }
            },
            scopes);
        return string.Join('|', new[] { r.CategoryName ?? "", r.FormattedMessage ?? "", r.Body ?? "", r.Exception?.ToString() ?? "", "trace=" + r.TraceId }
            .Concat(r.Attributes?.Select(p => $"{p.Key}={p.Value}") ?? [])
            .Concat(scopes));
    }

    /// <summary>A collection the exporters add to; it keeps only each item's text.</summary>
    private sealed class TextSink<T>(Func<T, string> describe) : ICollection<T>
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyCollection<string> Texts => _texts.ToArray();

        public int Count => _texts.Count;

        public bool IsReadOnly => false;

        public void Add(T item) => _texts.Enqueue(describe(item));

        public void Clear() => _texts.Clear();

        public bool Contains(T item) => false;

        public void CopyTo(T[] array, int arrayIndex)
        {
        }

        public bool Remove(T item) => false;

        public IEnumerator<T> GetEnumerator() => Enumerable.Empty<T>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Every log line of every category at every level, scopes and state included.</summary>
    private sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyCollection<string> Texts => _texts.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _texts);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> texts) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                texts.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(',', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                texts.Enqueue($"{category}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}
