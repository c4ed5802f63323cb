namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The organization's document header: who issues the document (left), its symbol, date and original
/// language (right), and the meeting it reports on (centred above the title).
/// </summary>
public sealed record ReportHeader(
    IReadOnlyList<string> Issuer,
    string Symbol,
    string Date,
    string OriginalLanguage,
    IReadOnlyList<string> Meeting)
{
    /// <summary>The right-hand block: symbol, date, "Original: English".</summary>
    public IReadOnlyList<string> Identification => [Symbol, Date, $"Original: {OriginalLanguage}"];
}
