namespace TocMesh.Meetings.Application.Reports;

/// <summary>Numbers as the organization writes them in running text: "seven", "thirty-ninth".</summary>
internal static class NumberWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly Dictionary<string, string> OrdinalOf = new(StringComparer.Ordinal)
    {
        ["one"] = "first", ["two"] = "second", ["three"] = "third", ["five"] = "fifth", ["eight"] = "eighth",
        ["nine"] = "ninth", ["twelve"] = "twelfth",
    };

    /// <summary>0 to 99 in words; larger numbers in digits.</summary>
    public static string Cardinal(int n)
    {
        if (n is < 0 or > 99)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return n < 20 ? Units[n] : n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Units[n % 10]}";
    }

    /// <summary>1 to 99 as an ordinal in words ("first", "thirty-ninth"); larger ones as "100th".</summary>
    public static string Ordinal(int n)
    {
        if (n is < 1 or > 99)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "th";
        }

        var words = Cardinal(n);
        var cut = words.LastIndexOf('-') + 1;
        var last = words[cut..];
        var ordinal = OrdinalOf.TryGetValue(last, out var special) ? special
            : last.EndsWith('y') ? last[..^1] + "ieth"
            : last + "th";
        return words[..cut] + ordinal;
    }
}
