using TocMesh.MemberStates;

namespace TocMesh.Directory.Domain;

/// <summary>A dated period in which the state did not take part as usual (membership_periods.csv).</summary>
public sealed class MembershipPeriodRecord
{
    public int Id { get; set; }

    public required string StateCode { get; set; }

    public Participation Status { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public required string Basis { get; set; }
}
