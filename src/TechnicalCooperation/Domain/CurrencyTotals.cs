namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Sums in one currency; amounts of different currencies are never added together.</summary>
public sealed record CurrencyTotals(string CurrencyCode, long Regular, long Specific, long Pledged, long Received)
{
    public long Total => checked(Regular + Specific);
}
