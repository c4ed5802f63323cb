namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>An exact amount: an integer count of the currency's minor units, never a floating-point number.</summary>
public sealed record Money(string CurrencyCode, long MinorUnits);
