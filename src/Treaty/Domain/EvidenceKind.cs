namespace TocMesh.Treaty.Domain;

/// <summary>What a piece of status evidence says about a state's consent as of its date.</summary>
public enum EvidenceKind
{
    /// <summary>A status table that lists every action of the state up to the date: no other action was taken by then.</summary>
    TableComplete = 1,

    /// <summary>A published list names the state among those that had ratified or acceded by the date, without its own date.</summary>
    ConsentedBy = 2,

    /// <summary>A published statement says the state had not ratified or acceded as of the date.</summary>
    NotConsentedAsOf = 3,
}
