using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.Treaty.V1;

namespace TocMesh.TechnicalCooperation.Clients;

/// <summary>A state's treaty status from the Treaty service's GetStateStatus, cached for a while.</summary>
public sealed class TreatyStatusClient(TreatyService.TreatyServiceClient treaty, HybridCache cache) : ITreatyStatusSource
{
    public const string Tag = "treaty-status";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(2) };

    public async Task<IReadOnlyList<InstrumentStanding>> GetStateStatusAsync(string stateCode, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrCreateAsync(
                $"techcoop:treaty-status:v2:{stateCode}:{asOf:yyyy-MM-dd}",
                (treaty, stateCode, asOf),
                static async (s, ct) =>
                {
                    var response = await s.treaty.GetStateStatusAsync(
                        new GetStateStatusRequest { StateCode = s.stateCode, AsOf = s.asOf.ToProto() }, cancellationToken: ct);
                    var implemented = await ImplementedInstrumentsAsync(s.treaty, s.stateCode, s.asOf, ct);
                    return response.Instruments.Select(i => new InstrumentStanding(
                        i.InstrumentId,
                        i.SignedOn.ToDateOnlyOrNull("signed_on"),
                        i.ConsentedOn.ToDateOnlyOrNull("consented_on"),
                        i.Party,
                        i.DenouncedOn.ToDateOnlyOrNull("denounced_on"),
                        i.EntryIntoForceUnknown,
                        implemented.Contains(i.InstrumentId),
                        i.DataCaveats.Concat(i.PendingDomesticProcedures.Select(p => $"pending: {p.Title}")).ToList(),
                        i.StatusUnknown,
                        i.ConsentedBy.ToDateOnlyOrNull("consented_by"))).ToList();
                },
                Entry,
                [Tag],
                cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            throw new ValidationException("state_code", $"the Treaty service does not know {stateCode}: {e.Status.Detail}");
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException(MeshResources.Treaty, "The Treaty service cannot be reached to read the state's treaty status; retry shortly.");
        }
    }

    /// <summary>Instruments the state has implementing legislation recorded for, reported by the date.</summary>
    private static async Task<HashSet<string>> ImplementedInstrumentsAsync(TreatyService.TreatyServiceClient treaty, string stateCode, DateOnly asOf, CancellationToken cancellationToken)
    {
        var implemented = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListLegislationRequest { StateCode = stateCode, EndDate = asOf.ToProto(), PageSize = 100 };
        do
        {
            var page = await treaty.ListLegislationAsync(request, cancellationToken: cancellationToken);
            implemented.UnionWith(page.Legislation
                .Where(l => l.Status is LegislationStatus.Enacted or LegislationStatus.InForce)
                .SelectMany(l => l.InstrumentIds));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return implemented;
    }
}
