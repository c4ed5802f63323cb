namespace TocMesh.Treaty.Domain;

/// <summary>Which member states a report counts.</summary>
public enum ReportScopeKind
{
    /// <summary>
    /// Members counted on the date: all but one whose government did not take part in the organization
    /// at all (Cuba); a suspended member is counted. The meetings' scope.
    /// </summary>
    CountedMembers = 1,

    /// <summary>Every member on the date.</summary>
    AllMembers = 2,
}
