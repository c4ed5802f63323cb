namespace TocMesh.Meetings.Domain;

/// <summary>What an intervention was (values match the contract's).</summary>
public enum InterventionKind { NationalReport = 1, Question = 2, Proposal = 3, Support = 4, Answer = 5, Remark = 6, Presentation = 7 }
