using TocMesh.Directory.V1;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Contracts;
using MemberState = TocMesh.Directory.V1.MemberState;
using MembershipPeriod = TocMesh.Directory.V1.MembershipPeriod;
using Participation = TocMesh.Directory.V1.Participation;

namespace TocMesh.Directory.Grpc;

/// <summary>The register's member states as the contract's messages.</summary>
internal static class MemberStateMessages
{
    /// <summary>A member state as it stood on <paramref name="asOf"/>, with every period of its record.</summary>
    public static MemberState ToMessage(this MemberStateInfo state, DateOnly asOf)
    {
        var message = new MemberState
        {
            Code = state.Code,
            Iso2 = state.Iso2,
            NameEn = state.NameEn,
            NameEs = state.NameEs,
            AsOf = asOf.ToProto(),
            Participation = ToMessage(state.ParticipationOn(asOf)),
            Member = state.IsMemberOn(asOf),
            CountedInReports = state.CountsOn(asOf),
        };
        message.MembershipPeriods.AddRange(state.Periods.Select(p => new MembershipPeriod
        {
            Status = ToMessage(p.Status),
            StartDate = p.From.ToProto(),
            EndDate = p.To.ToProto(),
            Basis = p.Basis,
        }));
        return message;
    }

    private static Participation ToMessage(MemberStates.Participation participation) => participation switch
    {
        MemberStates.Participation.Participating => Participation.Participating,
        MemberStates.Participation.Suspended => Participation.Suspended,
        MemberStates.Participation.NotParticipating => Participation.NotParticipating,
        MemberStates.Participation.Withdrawn => Participation.Withdrawn,
        _ => Participation.Unspecified,
    };
}
