using System.Text;

namespace TocMesh.Meetings.Domain;

/// <summary>Roman numerals in standard form, as the General Assembly numbers its sessions.</summary>
public static class RomanNumerals
{
    private static readonly (int Value, string Numeral)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        var s = new StringBuilder();
        foreach (var (v, numeral) in Table)
        {
            while (value >= v)
            {
                s.Append(numeral);
                value -= v;
            }
        }

        return s.ToString();
    }

    /// <summary>The value of a numeral in standard form (1..3999), or 0 when it is not one.</summary>
    public static int Parse(string numeral)
    {
        var upper = numeral.ToUpperInvariant();
        var value = 0;
        var i = 0;
        foreach (var (v, n) in Table)
        {
            while (string.CompareOrdinal(upper, i, n, 0, n.Length) == 0 && i < upper.Length)
            {
                value += v;
                i += n.Length;
            }
        }

        return i == upper.Length && value is > 0 and < 4000 && Format(value) == upper ? value : 0;
    }
}
