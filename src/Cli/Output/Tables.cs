using Spectre.Console;
using Spectre.Console.Rendering;

namespace TocMesh.Cli.Output;

public static partial class Tables
{
    public static Table New(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of plain text: values from the services are never read as markup.</summary>
    public static Table Row(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "")).ToArray());

    /// <summary>A contract enum value in words: ConsentKind.Ratification -> "ratification", Unspecified -> "".</summary>
    public static string Words(this Enum value)
    {
        var name = value.ToString();
        return name == "Unspecified" ? "" : PascalCase().Replace(name, "$1-$2").ToLowerInvariant();
    }

    [System.Text.RegularExpressions.GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial System.Text.RegularExpressions.Regex PascalCase();
}
