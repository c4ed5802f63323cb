namespace TocMesh.Meetings.Domain;

/// <summary>Where a follow-up stands (values match the contract's).</summary>
public enum FollowUpStatus { Open = 1, InProgress = 2, Done = 3, Cancelled = 4 }
