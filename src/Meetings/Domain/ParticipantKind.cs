namespace TocMesh.Meetings.Domain;

/// <summary>Who a participant is: a state's delegation, an observer, an official or a guest (values match the contract's).</summary>
public enum ParticipantKind { Delegation = 1, Observer = 2, Official = 3, Guest = 4 }
