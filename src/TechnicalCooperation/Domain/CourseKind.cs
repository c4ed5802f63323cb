namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The kind of an offering; values match the contract's CourseKind.</summary>
public enum CourseKind
{
    Unspecified = 0,
    Course = 1,
    Workshop = 2,
    Seminar = 3,
    TrainingOfTrainers = 4,
}
