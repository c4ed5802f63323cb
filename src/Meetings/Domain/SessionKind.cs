namespace TocMesh.Meetings.Domain;

/// <summary>The kind of a session of a meeting (values match the contract's, so the endpoint maps them by number).</summary>
public enum SessionKind { Opening = 1, Plenary = 2, Closing = 3 }
