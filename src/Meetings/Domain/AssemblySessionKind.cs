namespace TocMesh.Meetings.Domain;

/// <summary>The kind of a General Assembly session (values match the contract's AssemblySessionKind).</summary>
public enum AssemblySessionKind
{
    None = 0,
    Regular = 1,
    Special = 2,
}
