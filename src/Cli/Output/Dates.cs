using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Cli.Output;

public static class Dates
{
    public static ProtoDate? ToProto(DateOnly? date) =>
        date is { } d ? new ProtoDate { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>yyyy-mm-dd, yyyy-mm or yyyy for a partial date; empty when unset.</summary>
    public static string Text(ProtoDate? date) => date switch
    {
        null => "",
        { Year: 0 } => "",
        { Month: 0 } => $"{date.Year:D4}",
        { Day: 0 } => $"{date.Year:D4}-{date.Month:D2}",
        _ => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}",
    };

    /// <summary>An <c>--as-of</c> option: a calendar date, yyyy-mm-dd; today (the service's) when left out.</summary>
    public static Option<DateOnly?> AsOfOption(string description = "The date the answer describes (yyyy-mm-dd); today when left out.") => new("--as-of")
    {
        Description = description,
        HelpName = "yyyy-mm-dd",
        CustomParser = Parse,
    };

    private static DateOnly? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date: write it as yyyy-mm-dd, e.g. 2009-10-07.");
        return null;
    }
}
