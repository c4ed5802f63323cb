namespace TocMesh.TechnicalCooperation.Domain;

public sealed record FundingSummary(IReadOnlyList<WorkAreaFunding> Areas, IReadOnlyList<UnfundedArea> UnfundedAreas, IReadOnlyList<CurrencyTotals> Totals)
{
    /// <summary>
    /// Computed from the records every time, never stored. An area is unfunded when funds were sought for
    /// it without success, or it has open needs, and nothing was pledged or received for it.
    /// </summary>
    public static FundingSummary Compute(IReadOnlyCollection<Funding> records, IReadOnlyCollection<Need> needs)
    {
        var areas = records
            .GroupBy(r => r.WorkArea, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WorkAreaFunding(
                g.Key,
                Totalize(g),
                g.Count(r => r.IsFunds && r.Amount is null),
                g.Any(r => r.IsFunds)))
            .ToList();

        var funded = areas.Where(a => a.Funded).Select(a => a.WorkArea).ToHashSet(StringComparer.Ordinal);
        var sought = records.Where(r => r.Status == FundingStatus.Sought && r.WorkArea != "").Select(r => r.WorkArea);
        var needed = needs.Where(n => n.IsOpen).Select(n => n.Area);
        var unfunded = sought.Concat(needed)
            .Where(a => !funded.Contains(a))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(a => new UnfundedArea(
                a,
                records.Any(r => r.WorkArea == a && r.Status == FundingStatus.Sought),
                needs.Count(n => n.IsOpen && n.Area == a)))
            .ToList();

        return new FundingSummary(areas, unfunded, Totalize(records));
    }

    private static List<CurrencyTotals> Totalize(IEnumerable<Funding> records) => records
        .Where(r => r.IsFunds && r.Amount is not null)
        .GroupBy(r => r.CurrencyCode!, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new CurrencyTotals(
            g.Key,
            Sum(g.Where(r => r.Source == FundingSource.RegularBudget)),
            Sum(g.Where(r => r.Source == FundingSource.SpecificFund)),
            Sum(g.Where(r => r.Status == FundingStatus.Pledged)),
            Sum(g.Where(r => r.Status == FundingStatus.Received))))
        .ToList();

    // checked: an overflow is an error to report, never a wrapped-around total.
    private static long Sum(IEnumerable<Funding> records) => records.Aggregate(0L, (sum, r) => checked(sum + r.MinorUnits!.Value));
}
