namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>
/// One log record as a service exported it: <c>Category</c> is the logger's category, and
/// <c>Severity</c> OTLP's severity number (17 and above: error or fatal).
/// </summary>
public sealed record ReceivedLog(
    string Service,
    string Instance,
    string Category,
    int Severity,
    string Body,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>OTLP's <c>SEVERITY_NUMBER_ERROR</c>: the lowest severity of an error entry.</summary>
    public const int ErrorSeverity = 17;

    public bool IsError => Severity >= ErrorSeverity;

    public override string ToString() =>
        $"{Service} [{Category}] severity {Severity}: {Body} {string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}";
}
