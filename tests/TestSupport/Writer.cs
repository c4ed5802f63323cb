namespace TocMesh.TestSupport;

/// <summary>The callers every write of every service is tried with.</summary>
public enum Writer
{
    Anonymous,
    Partner,
    EditorOfTheState,
    EditorOfAnotherState,
    Secretariat,
}
