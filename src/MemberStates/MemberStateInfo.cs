namespace TocMesh.MemberStates;

/// <summary>The register's view of one member state, shared by every service.</summary>
public sealed record MemberStateInfo(string Code, string Iso2, string NameEn, string NameEs, IReadOnlyList<MembershipPeriod> Periods)
{
    public Participation ParticipationOn(DateOnly date) =>
        Periods.Where(p => p.Covers(date)).Select(p => p.Status).DefaultIfEmpty(Participation.Participating).Max();

    public bool IsMemberOn(DateOnly date) => ParticipationOn(date) != Participation.Withdrawn;

    /// <summary>
    /// Counted in the group's reports on that date: every member except one whose government did
    /// not take part in the organization at all (a suspended member still counts).
    /// </summary>
    public bool CountsOn(DateOnly date) => ParticipationOn(date) is Participation.Participating or Participation.Suspended;
}
