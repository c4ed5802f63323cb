using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Log levels every service starts from, below every other configuration source (appsettings,
/// environment and command line override them): the log of a service is its own work, not a line
/// per outgoing HTTP request, which its traces already show.
/// </summary>
internal static class LoggingDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static IHostApplicationBuilder AddServiceLoggingDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
