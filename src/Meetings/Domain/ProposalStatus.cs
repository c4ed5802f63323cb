namespace TocMesh.Meetings.Domain;

/// <summary>Where a proposal stands (values match the contract's).</summary>
public enum ProposalStatus { UnderConsideration = 1, Identified = 2, Adopted = 3, Withdrawn = 4 }
