using System.Globalization;
using System.Numerics;

namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The ISO 4217 currencies, each with the number of its minor-unit digits (2 for USD, 0 for CLP).</summary>
public sealed class Currencies(IReadOnlyDictionary<string, int> minorUnitDigits)
{
    public bool IsKnown(string code) => minorUnitDigits.ContainsKey(code);

    public int MinorUnitDigits(string code) => minorUnitDigits[code];

    /// <summary>"USD 92,000.00" for 9200000 minor units of USD: exact, by integer arithmetic.</summary>
    public string Format(string code, long minorUnits)
    {
        var digits = minorUnitDigits.GetValueOrDefault(code, 2);
        var magnitude = BigInteger.Abs(minorUnits);
        var scale = BigInteger.Pow(10, digits);
        var whole = BigInteger.DivRem(magnitude, scale, out var fraction);
        var text = whole.ToString("N0", CultureInfo.InvariantCulture);
        if (digits > 0)
        {
            text += "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        }

        return $"{code} {(minorUnits < 0 ? "-" : "")}{text}";
    }
}
