namespace TocMesh.Directory.Domain;

/// <summary>What a contact is for.</summary>
public enum ContactRole
{
    Unspecified = 0,

    /// <summary>National point of contact with the Technical Group.</summary>
    NationalPointOfContact = 1,

    /// <summary>Central authority for mutual legal assistance under the Inter-American convention .</summary>
    MlaCentralAuthority = 2,

    /// <summary>Authority designated under the Palermo Convention (art. 18(13)) or one of its protocols.</summary>
    PalermoAuthority = 3,

    /// <summary>Contact for the courses and workshops offered.</summary>
    Courses = 4,
}
