using CsvHelper.Configuration.Attributes;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A row of status_evidence.csv: what a published list or statement says of one state's status as of a date.</summary>
internal sealed class EvidenceRow
{
    [Name("state_iso3")] public string State { get; set; } = "";
    [Name("instrument")] public string Instrument { get; set; } = "";
    [Name("as_of")] public string AsOf { get; set; } = "";
    [Name("as_of_text")] public string AsOfText { get; set; } = "";
    [Name("status")] public string Status { get; set; } = "";
    [Name("source")] public string Source { get; set; } = "";
    [Name("note")] public string Note { get; set; } = "";
}
