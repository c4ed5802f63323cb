namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Whether the Secretariat has answered a request; values match the contract.</summary>
public enum CurriculumRequestStatus
{
    Unspecified = 0,
    Open = 1,
    Answered = 2,
}
