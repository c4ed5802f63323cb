using System.Globalization;
using Grpc.Core;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
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
    IServiceProvider call,
    MemberStateRegister memberStates,
    Currencies currencies,
    TimeProvider clock) : TechnicalCooperationService.TechnicalCooperationServiceBase
{
    // Each call resolves, from its scope, only the stores it uses: a database context is leased on first use.
    private ToolkitStore Toolkit => field ??= call.GetRequiredService<ToolkitStore>();

    private NeedsStore Needs => field ??= call.GetRequiredService<NeedsStore>();

    private CurriculumRequestStore Requests => field ??= call.GetRequiredService<CurriculumRequestStore>();

    private FundingStore Funding => field ??= call.GetRequiredService<FundingStore>();

    private PointsOfContact PointsOfContact => field ??= call.GetRequiredService<PointsOfContact>();

    private ITreatyStatusSource Treaty => field ??= call.GetRequiredService<ITreatyStatusSource>();

    private DateOnly Today => clock.Today();

    /// <summary>Paging keys sort as the ids do.</summary>
    private static string Key(long id) => id.ToString("D19", CultureInfo.InvariantCulture);
}
