namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>What a state asked of the toolkit; values match the contract.</summary>
public enum CurriculumRequestKind
{
    Unspecified = 0,
    Curriculum = 1,
    CoursesForAudience = 2,
    PointOfContact = 3,
}
