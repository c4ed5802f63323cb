using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;

namespace TocMesh.Cli;

/// <summary>
/// What a command runs against: where it writes, how it reaches the services, and the environment
/// it reads defaults from. A test gives its own, with channels to in-process services.
/// </summary>
public sealed class CliContext(Terminal terminal, IChannelFactory channels, Func<string, string?> environment)
{
    public Terminal Terminal { get; } = terminal;

    public IChannelFactory Channels { get; } = channels;

    public Func<string, string?> Environment { get; } = environment;

    /// <summary>How long one unary call may take before it is given up.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static CliContext System() => new(Terminal.System(), new GrpcChannelFactory(), global::System.Environment.GetEnvironmentVariable);
}
