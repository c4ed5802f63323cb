using System.Globalization;
using CsvHelper;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>Loads the ISO 4217 list shipped with the service (Data/Reference/iso_4217.csv, from the iso-codes package).</summary>
public static class CurrencyReference
{
    public static Currencies Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Reference", "iso_4217.csv");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var digits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in csv.GetRecords<CurrencyRow>())
        {
            digits[row.code] = row.minor_units;
        }

        return new Currencies(digits);
    }

#pragma warning disable IDE1006, CA1707 // The CSV's own column names.
    private sealed record CurrencyRow(string code, string numeric, int minor_units, string name);
#pragma warning restore IDE1006, CA1707
}
