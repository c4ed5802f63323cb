namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Whether a need is still open; values match the contract.</summary>
public enum NeedStatus
{
    Unspecified = 0,
    Open = 1,
    Resolved = 2,
}
