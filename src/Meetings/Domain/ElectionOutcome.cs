namespace TocMesh.Meetings.Domain;

/// <summary>How an officer was elected (values match the contract's).</summary>
public enum ElectionOutcome { Acclamation = 1, Vote = 2 }
