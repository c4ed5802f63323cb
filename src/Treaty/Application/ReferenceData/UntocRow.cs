using CsvHelper.Configuration.Attributes;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A row of untoc_oas_status.csv (the UN Treaty Collection's status of the Palermo Convention and its protocols).</summary>
internal sealed class UntocRow
{
    [Name("state_iso3")] public string State { get; set; } = "";
    [Name("instrument")] public string Instrument { get; set; } = "";
    [Name("signature_date")] public string SignatureDate { get; set; } = "";
    [Name("consent_date")] public string ConsentDate { get; set; } = "";
    [Name("consent_kind")] public string ConsentKind { get; set; } = "";
    [Name("source")] public string Source { get; set; } = "";
    [Name("note")] public string Note { get; set; } = "";
}
