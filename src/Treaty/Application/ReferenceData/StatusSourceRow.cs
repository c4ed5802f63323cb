using CsvHelper.Configuration.Attributes;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A row of status_sources.csv: up to which day a status file lists every action of the states it has rows for.</summary>
internal sealed class StatusSourceRow
{
    [Name("file")] public string File { get; set; } = "";
    [Name("complete_as_of")] public string CompleteAsOf { get; set; } = "";
    [Name("as_of_text")] public string AsOfText { get; set; } = "";
    [Name("note")] public string Note { get; set; } = "";
}
