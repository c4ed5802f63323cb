using System.Globalization;
using CsvHelper;

namespace TocMesh.Directory.Data.Seeders;

/// <summary>The reference files shipped with the service (Data/Reference/*.csv), read by the seeders.</summary>
internal static class ReferenceFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    /// <summary>Every row of <paramref name="file"/>, mapped by its column names.</summary>
    public static List<T> Read<T>(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<T>().ToList();
    }
}
