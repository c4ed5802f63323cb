using System.Text.Json;
using Google.Protobuf;

namespace TocMesh.Cli.Output;

/// <summary>
/// JSON for scripts. Responses are written in the contracts' own JSON mapping (field names in
/// lowerCamelCase, enums by name, defaults included), as the services' JSON endpoints give them.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, IMessage message) => output.WriteLine(Formatter.Format(message));

    /// <summary>A value of the CLI's own (a summary, a list of keys), in the same style.</summary>
    public static void WriteObject<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
