namespace TocMesh.TechnicalCooperation.Domain;

public enum ContactLookupOutcome
{
    Found,
    NotFound,

    /// <summary>The Directory could not be reached: a read shows the contact's name only; a write cannot check it.</summary>
    Unavailable,
}
