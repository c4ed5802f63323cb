using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>The reference files shipped with the service (Data/Reference), and how their values are read.</summary>
internal static class ReferenceFiles
{
    public const string Instruments = "instruments.csv";
    public const string UntocStatus = "untoc_oas_status.csv";
    public const string A55Status = "oas_a55_status.csv";
    public const string CiftaStatus = "cifta_status.csv";
    public const string StatusEvidence = "status_evidence.csv";
    public const string StatusSources = "status_sources.csv";
    public const string NationalReports = "gtdot_ii_national_reports.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    /// <summary>Each record of a CSV file with its line in the file (the header is line 1).</summary>
    public static List<(T Row, int Line)> ReadCsv<T>(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<(T, int)>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add((csv.GetRecord<T>(), csv.Parser.RawRow));
        }

        return rows;
    }

    public static async Task<T> ReadJsonAsync<T>(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(Folder, file));
        return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"{file} is empty.");
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static int? ParseInt(string? s) => Blank(s) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A yyyy-MM-dd date, or null when blank. A value that is not a date goes to
    /// <paramref name="unreadable"/> (and reads as null) when given, and fails the import otherwise.
    /// </summary>
    public static DateOnly? ParseDate(string? s, Action<string>? unreadable = null)
    {
        if (Blank(s) is not { } t)
        {
            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (unreadable is null)
        {
            throw new InvalidDataException($"'{t}' is not a date (yyyy-MM-dd).");
        }

        unreadable(t);
        return null;
    }
}
