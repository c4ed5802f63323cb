using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Contracts;

namespace TocMesh.MemberStates;

/// <summary>The register as the Directory service publishes it over its contract.</summary>
internal sealed class DirectoryMemberStateSource(DirectoryService.DirectoryServiceClient directory) : IMemberStateSource
{
    public async Task<IReadOnlyList<MemberStateInfo>> LoadAsync(CancellationToken cancellationToken)
    {
        var states = new List<MemberStateInfo>();
        var request = new ListMemberStatesRequest { PageSize = 100 };
        do
        {
            var page = await directory.ListMemberStatesAsync(request, cancellationToken: cancellationToken);
            states.AddRange(page.MemberStates.Select(s => new MemberStateInfo(
                s.Code, s.Iso2, s.NameEn, s.NameEs,
                s.MembershipPeriods.Select(p => new MembershipPeriod(
                    ToDomain(p.Status), p.StartDate.ToDateOnly("start_date"), p.EndDate.ToDateOnlyOrNull("end_date"), p.Basis)).ToList())));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return states;
    }

    private static Participation ToDomain(Directory.V1.Participation status) => status switch
    {
        Directory.V1.Participation.Suspended => Participation.Suspended,
        Directory.V1.Participation.NotParticipating => Participation.NotParticipating,
        Directory.V1.Participation.Withdrawn => Participation.Withdrawn,
        _ => Participation.Participating,
    };
}
