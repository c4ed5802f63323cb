namespace TocMesh.TestSupport;

/// <summary>One measurement: its value and tags (as strings).</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags)
{
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";
}
