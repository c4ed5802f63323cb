namespace TocMesh.Treaty.Domain;

/// <summary>How a state's standing on an instrument changed on a day.</summary>
public enum ChangeKind
{
    Signed = 1,
    Consented = 2,
    EnteredIntoForce = 3,
    Denounced = 4,
}
