namespace TocMesh.TestSupport;

/// <summary>The callers every write of every service is tried with.</summary>
public enum Writer
{
    Anonymous,
    Partner,
    EditorOfTheState,
    EditorOfAnotherState,
    Secretariat,

    /// <summary>Another TocMesh service with its own key (role <c>service</c>): it writes nothing.</summary>
    Service,
}
