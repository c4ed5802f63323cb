namespace TocMesh.Treaty.Domain;

/// <summary>
/// The states a report counts, named for what they are: "the 34 member states other than Cuba, whose
/// government did not take part" (a suspended member is counted, so "taking part" would be inexact),
/// or "all 35 member states".
/// </summary>
public static class ScopeDescription
{
    public static string Of(ReportScopeKind scope, IReadOnlyList<StateOnDate> register)
    {
        var members = register.Where(s => s.Member).ToList();
        if (scope == ReportScopeKind.AllMembers)
        {
            return $"all {members.Count} member states";
        }

        var counted = members.Count(s => s.Counted);
        var left = members.Where(s => !s.Counted).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        return left.Count switch
        {
            0 => $"all {counted} member states",
            1 => $"the {counted} member states other than {left[0]}, whose government did not take part",
            _ => $"the {counted} member states other than {string.Join(", ", left[..^1])} and {left[^1]}, whose governments did not take part",
        };
    }
}
