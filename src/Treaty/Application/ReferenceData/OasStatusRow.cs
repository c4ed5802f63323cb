using CsvHelper.Configuration.Attributes;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A row of an OAS-style status table (oas_a55_status.csv, cifta_status.csv): one state, one instrument.</summary>
internal sealed class OasStatusRow
{
    [Name("state_iso3")] public string State { get; set; } = "";
    [Name("state_name")] public string StateName { get; set; } = "";
    [Name("instrument")] public string Instrument { get; set; } = "";
    [Name("signature_date")] public string SignatureDate { get; set; } = "";
    [Name("ratification_or_accession_date")] public string ConsentDate { get; set; } = "";
    [Name("deposit_date")] public string DepositDate { get; set; } = "";
    [Name("instrument_kind")] public string Kind { get; set; } = "";
    [Name("declarations_or_reservations")] public string Declarations { get; set; } = "";
    [Name("source")] public string Source { get; set; } = "";
    [Name("note")] public string Note { get; set; } = "";
}
