namespace TocMesh.Treaty.Domain;

/// <summary>What kind of text a piece of national legislation is.</summary>
public enum LegislationKind
{
    Law = 1,
    ConstitutionalAmendment = 2,
    PenalCodeAmendment = 3,
    Regulation = 4,
    Bill = 5,
    TreatyApproval = 6,
}
