namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Where funds come from; values match the contract.</summary>
public enum FundingSource
{
    Unspecified = 0,
    RegularBudget = 1,
    SpecificFund = 2,
}
