namespace TocMesh.Meetings.Domain;

/// <summary>What a participant did at the meeting (values match the contract's).</summary>
public enum ParticipantRole { Chair = 1, ViceChair = 2, Representative = 3, OpeningSpeaker = 4, Presenter = 5, Secretariat = 6 }
