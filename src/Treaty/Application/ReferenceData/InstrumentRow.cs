using CsvHelper.Configuration.Attributes;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>A row of instruments.csv.</summary>
internal sealed class InstrumentRow
{
    [Name("id")] public string Id { get; set; } = "";
    [Name("short_name")] public string ShortName { get; set; } = "";
    [Name("title")] public string Title { get; set; } = "";
    [Name("parent")] public string Parent { get; set; } = "";
    [Name("adopted")] public string Adopted { get; set; } = "";
    [Name("depositary")] public string Depositary { get; set; } = "";
    [Name("signature_closed")] public string SignatureClosed { get; set; } = "";
    [Name("entry_into_force")] public string EntryIntoForce { get; set; } = "";
    [Name("eif_threshold")] public string EifThreshold { get; set; } = "";
    [Name("eif_days_after_threshold")] public string EifDaysAfterThreshold { get; set; } = "";
    [Name("eif_days_after_later_deposit")] public string EifDaysAfterLaterDeposit { get; set; } = "";
    [Name("articles")] public string Articles { get; set; } = "";
}
