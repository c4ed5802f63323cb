namespace TocMesh.Treaty.Domain;

/// <summary>What a state did about an instrument: signed it, consented to be bound by it, or denounced it.</summary>
public enum ActionKind
{
    Signature = 1,
    Ratification = 2,
    Accession = 3,
    Acceptance = 4,
    Approval = 5,
    Succession = 6,
    Denunciation = 7,
}
