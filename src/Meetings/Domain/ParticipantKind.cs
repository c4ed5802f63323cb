namespace TocMesh.Meetings.Domain;

/// <summary>
/// Who a participant is: a state's delegation, an observer, an official of the General Secretariat, a
/// guest, or an officer of another organ speaking in that office (values match the contract's).
/// </summary>
public enum ParticipantKind { Delegation = 1, Observer = 2, Official = 3, Guest = 4, Officer = 5 }
