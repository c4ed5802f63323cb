namespace TocMesh.MemberStates;

/// <summary>A dated period in which a state did not take part as usual; <see cref="To"/> null means open.</summary>
public sealed record MembershipPeriod(Participation Status, DateOnly From, DateOnly? To, string Basis)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date < To);
}
