namespace TocMesh.Treaty.Domain;

/// <summary>The rules of data-quality findings that more than the import reads (the treaty rules' own are in <see cref="TreatyRules"/>).</summary>
public static class FindingRules
{
    /// <summary>An instrument's rule of entry into force for a later deposit is not in the data.</summary>
    public const string EntryIntoForceRuleNotRecorded = "ENTRY_INTO_FORCE_RULE_NOT_RECORDED";

    /// <summary>A published list counts more states as having ratified by its date than the dated rows do.</summary>
    public const string CountBelowEvidence = "COUNT_BELOW_EVIDENCE";
}
