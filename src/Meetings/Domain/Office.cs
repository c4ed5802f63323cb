namespace TocMesh.Meetings.Domain;

/// <summary>An office the meeting elects (values match the contract's).</summary>
public enum Office { Chair = 1, ViceChair = 2, Rapporteur = 3 }
