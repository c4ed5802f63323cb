namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>How urgent a need is; values match the contract. Unassessed when the source gives no priority.</summary>
public enum NeedPriority
{
    NotAssessed = 0,
    High = 1,
    Medium = 2,
    Low = 3,
}
