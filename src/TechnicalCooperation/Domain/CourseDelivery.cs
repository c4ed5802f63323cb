namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>How a course is delivered; values match the contract's CourseDelivery.</summary>
public enum CourseDelivery
{
    NotRecorded = 0,
    InPerson = 1,
    Online = 2,
    Blended = 3,
}
