namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The funding of one work area: totals by currency, funds whose amount was not stated, and whether any funds exist.</summary>
public sealed record WorkAreaFunding(string WorkArea, IReadOnlyList<CurrencyTotals> Totals, int UnstatedAmountCount, bool Funded);
