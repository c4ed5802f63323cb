namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>The day up to which a status file (or one of its rows) lists every action of its state; null when it is not a complete table.</summary>
internal sealed record SourceDate(DateOnly? CompleteAsOf, string AsOfText, string Note)
{
    public static readonly SourceDate NotComplete = new(null, "", "");

    /// <summary>Every status file's date, from status_sources.csv.</summary>
    public static Dictionary<string, SourceDate> ReadAll() =>
        ReferenceFiles.ReadCsv<StatusSourceRow>(ReferenceFiles.StatusSources).ToDictionary(
            r => r.Row.File.Trim(),
            r => new SourceDate(ReferenceFiles.ParseDate(r.Row.CompleteAsOf), r.Row.AsOfText.Trim(), r.Row.Note.Trim()),
            StringComparer.Ordinal);
}
