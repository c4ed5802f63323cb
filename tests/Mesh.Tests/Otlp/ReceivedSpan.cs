namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>
/// One span as a service exported it. <c>Instance</c> is the process's <c>service.instance.id</c>
/// (each replica has its own); <c>Scope</c> the instrumentation that made it
/// (e.g. <c>OpenTelemetry.Instrumentation.StackExchangeRedis</c>).
/// </summary>
public sealed record ReceivedSpan(
    string Service,
    string Instance,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTimeOffset Start,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>A span that starts a trace: nothing in this process or a caller was its parent.</summary>
    public bool IsRoot => ParentSpanId.Length == 0;

    public string Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : "";

    public override string ToString() => $"{Service} {Kind} '{Name}' [{Scope}] trace {TraceId}{(IsRoot ? " (root)" : "")}";
}
