using TocMesh.MemberStates;

namespace TocMesh.Directory.Domain;

/// <summary>A member state of the organization, as the register holds it.</summary>
public sealed class MemberState
{
    /// <summary>ISO 3166-1 alpha-3.</summary>
    public required string Code { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Iso2 { get; set; }

    public required string NameEn { get; set; }

    public required string NameEs { get; set; }

    public List<MembershipPeriodRecord> Periods { get; set; } = [];

    public MemberStateInfo ToInfo() => new(
        Code, Iso2, NameEn, NameEs,
        Periods.OrderBy(p => p.From).Select(p => new MembershipPeriod(p.Status, p.From, p.To, p.Basis)).ToList());
}
