namespace TocMesh.Meetings.Domain;

/// <summary>A decision of the meeting or an undertaking of a participant (values match the contract's).</summary>
public enum FollowUpKind { Decision = 1, Undertaking = 2 }
