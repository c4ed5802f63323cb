using Spectre.Console;

namespace TocMesh.Cli.Output;

/// <summary>
/// Where output goes. <see cref="Output"/> takes what scripts read (JSON, documents) unchanged;
/// <see cref="Console"/> renders tables on the same stream; progress and errors go to the error stream,
/// so a redirected standard output holds only the result.
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error, IAnsiConsole console, IAnsiConsole errorConsole)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IAnsiConsole Console { get; } = console;

    public IAnsiConsole ErrorConsole { get; } = errorConsole;

    public static Terminal System()
    {
        // Redirected to a file or a pipe: plain text, no escape codes.
        var output = global::System.Console.IsOutputRedirected
            ? PlainConsole(global::System.Console.Out, 200)
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(global::System.Console.Out) });
        var error = global::System.Console.IsErrorRedirected
            ? PlainConsole(global::System.Console.Error, 200)
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(global::System.Console.Error) });
        return new Terminal(global::System.Console.Out, global::System.Console.Error, output, error);
    }

    /// <summary>Plain text on the given writers: no colour, no cursor movement, a fixed width.</summary>
    public static Terminal Plain(TextWriter output, TextWriter error, int width = 200) =>
        new(output, error, PlainConsole(output, width), PlainConsole(error, width));

    private static IAnsiConsole PlainConsole(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
