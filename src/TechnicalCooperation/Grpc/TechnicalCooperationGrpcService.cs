using System.Globalization;
using Grpc.Core;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Application;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>
/// The contract's endpoints: read the request into domain records, authorize, call the stores and the
/// domain rules, answer. The secretariat edits the toolkit and funding; a state's editor files that
/// state's needs and requests. One partial file per area: the toolkit, curriculum requests, needs,
/// funding, and matching needs to courses.
/// </summary>
[BindServiceMethod(typeof(WireBytesBinding<TechnicalCooperationService.TechnicalCooperationServiceBase>), nameof(WireBytesBinding<TechnicalCooperationService.TechnicalCooperationServiceBase>.BindService))]
public sealed partial class TechnicalCooperationGrpcService(
    Deferred<ToolkitStore> toolkit,
    Deferred<NeedsStore> needs,
    Deferred<CurriculumRequestStore> requests,
    Deferred<FundingStore> funding,
    MemberStateRegister memberStates,
    Deferred<PointsOfContact> pointsOfContact,
    Deferred<ITreatyStatusSource> treaty,
    Currencies currencies,
    TimeProvider clock) : TechnicalCooperationService.TechnicalCooperationServiceBase
{
    // Each call resolves only the stores it uses (Deferred<T>): a database context is leased on first use.
    private ToolkitStore Toolkit => toolkit.Value;

    private NeedsStore Needs => needs.Value;

    private CurriculumRequestStore Requests => requests.Value;

    private FundingStore Funding => funding.Value;

    private PointsOfContact PointsOfContact => pointsOfContact.Value;

    private ITreatyStatusSource Treaty => treaty.Value;

    private DateOnly Today => clock.Today();

    /// <summary>Paging keys sort as the ids do.</summary>
    private static string Key(long id) => id.ToString("D19", CultureInfo.InvariantCulture);
}
