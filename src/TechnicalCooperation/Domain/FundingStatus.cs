namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>How far funds have come; values match the contract.</summary>
public enum FundingStatus
{
    Unspecified = 0,
    Pledged = 1,
    Received = 2,

    /// <summary>Sought without success so far: no funds, and never an amount.</summary>
    Sought = 3,
}
