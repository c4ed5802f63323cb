namespace TocMesh.Treaty.Domain;

/// <summary>Counts as a report writes them: in words, capitalized at the start of a sentence.</summary>
public static class CountInWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>0 to 999 in words ("twenty-nine", "one hundred and five").</summary>
    public static string Words(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        if (n < 20)
        {
            return Units[n];
        }

        if (n < 100)
        {
            return n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Units[n % 10]}";
        }

        return n % 100 == 0 ? $"{Units[n / 100]} hundred" : $"{Units[n / 100]} hundred and {Words(n % 100)}";
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The sentences run on as the meeting report does: the last two joined by ", and".</summary>
    public static string Paragraph(IReadOnlyList<string> sentences)
    {
        if (sentences.Count < 2)
        {
            return sentences.Count == 0 ? "" : sentences[0];
        }

        var last = sentences[^1];
        var beforeLast = sentences[^2].TrimEnd('.');
        var joined = $"{beforeLast}, and {char.ToLowerInvariant(last[0])}{last[1..]}";
        return string.Join(" ", sentences.Take(sentences.Count - 2).Append(joined));
    }
}
