using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Application.ReferenceData;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Grpc;

/// <summary>
/// The Treaty contract: checks the caller and the fields only the contract knows (dates, scope,
/// paging), hands the rest to the ledger, the status reader and the registers, and maps their answers
/// (StatusMessages, TreatyActionMessages, LegislationMessages, DataQualityMessages).
/// </summary>
[BindServiceMethod(typeof(WireBytesBinding<TreatyService.TreatyServiceBase>), nameof(WireBytesBinding<TreatyService.TreatyServiceBase>.BindService))]
public sealed class TreatyGrpcService(
    TreatyStatusReader status,
    IServiceProvider call,
    TimeProvider clock) : TreatyService.TreatyServiceBase
{
    // The writers and registers, resolved from the call's scope on first use: the status reads, most
    // calls and all cached, lease no database context for them.
    private TreatyActionLedger Ledger => field ??= call.GetRequiredService<TreatyActionLedger>();

    private LegislationRegister Legislation => field ??= call.GetRequiredService<LegislationRegister>();

    private DataQualityReader Findings => field ??= call.GetRequiredService<DataQualityReader>();

    private ReferenceDataImporter Importer => field ??= call.GetRequiredService<ReferenceDataImporter>();

    public override async Task<ListInstrumentsResponse> ListInstruments(ListInstrumentsRequest request, ServerCallContext context)
    {
        var (page, next) = await status.ListInstrumentsAsync(PageRequest.From(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListInstrumentsResponse { NextPageToken = next };
        response.Instruments.AddRange(page.Select(i => i.ToMessage()));
        return response;
    }

    public override async Task<GetInstrumentResponse> GetInstrument(GetInstrumentRequest request, ServerCallContext context) =>
        new() { Instrument = (await status.GetInstrumentAsync(request.InstrumentId, "instrument_id", context.CancellationToken)).ToMessage() };

    public override async Task<GetStateStatusResponse> GetStateStatus(GetStateStatusRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        return (await status.StateStatusAsync(request.StateCode, asOf, context.CancellationToken)).ToResponse();
    }

    public override async Task<GetRatificationReportResponse> GetRatificationReport(GetRatificationReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        return (await status.ReportAsync(asOf, scope, request.InstrumentIds, context.CancellationToken)).ToResponse();
    }

    public override async Task<GetInstrumentStatusResponse> GetInstrumentStatus(GetInstrumentStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        return (await status.InstrumentStatusAsync(request.InstrumentId, asOf, scope, context.CancellationToken)).ToResponse();
    }

    public override async Task<CompareStatusResponse> CompareStatus(CompareStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var from = violations.Try(() => request.FromDate.ToDateOnly("from_date"));
        var to = violations.Try(() => request.ToDate.ToAsOf("to_date", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        return (await status.CompareAsync(from, to, scope, request.InstrumentIds, request.StateCode, context.CancellationToken)).ToResponse();
    }

    public override async Task<RecordTreatyActionResponse> RecordTreatyAction(RecordTreatyActionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureSecretariat("record a treaty action");
        var violations = new FieldViolations();
        var key = IdempotencyKey.Of(context, request, violations);
        var action = await Ledger.RecordAsync(caller, request.ToInput(violations), key, violations, context.CancellationToken);
        return new RecordTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<CorrectTreatyActionResponse> CorrectTreatyAction(CorrectTreatyActionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureSecretariat("correct a treaty action");
        var violations = new FieldViolations();
        var given = request.TreatyAction ?? new V1.TreatyAction();
        var etag = string.IsNullOrEmpty(request.Etag) ? given.Etag : request.Etag;
        var action = await Ledger.CorrectAsync(caller, given.Name, request.ToChanges(given, violations), request.Reason, etag, violations, context.CancellationToken);
        return new CorrectTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<WithdrawTreatyActionResponse> WithdrawTreatyAction(WithdrawTreatyActionRequest request, ServerCallContext context)
    {
        var action = await Ledger.WithdrawAsync(context.GetCaller(), request.Name, request.Reason, request.Etag, new FieldViolations(), context.CancellationToken);
        return new WithdrawTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<GetTreatyActionResponse> GetTreatyAction(GetTreatyActionRequest request, ServerCallContext context) =>
        new() { TreatyAction = (await Ledger.GetAsync(request.Name, context.CancellationToken)).ToMessage() };

    public override async Task<ListTreatyActionsResponse> ListTreatyActions(ListTreatyActionsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await Ledger.ListAsync(request.StateCode, request.InstrumentId, request.IncludeWithdrawn, page, context.CancellationToken);
        var response = new ListTreatyActionsResponse { NextPageToken = next };
        response.TreatyActions.AddRange(items.Select(a => a.ToMessage()));
        return response;
    }

    public override async Task<RecordLegislationResponse> RecordLegislation(RecordLegislationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("record legislation");
        var violations = new FieldViolations();
        var law = (request.Legislation ?? new V1.Legislation()).ToDomain(violations);
        var key = IdempotencyKey.Of(context, request, violations);
        var recorded = await Legislation.RecordAsync(caller, key, law, violations, context.CancellationToken);
        return new RecordLegislationResponse { Legislation = recorded.ToMessage() };
    }

    public override async Task<ListLegislationResponse> ListLegislation(ListLegislationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var start = violations.Try(() => request.StartDate.ToDateOnlyOrNull("start_date"));
        var end = violations.Try(() => request.EndDate.ToDateOnlyOrNull("end_date"));
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        violations.ThrowIfAny();
        var (items, next) = await Legislation.ListAsync(
            new LegislationFilter(request.StateCode, request.Topic, request.InstrumentId, start, end), page, context.CancellationToken);
        var response = new ListLegislationResponse { NextPageToken = next };
        response.Legislation.AddRange(items.Select(l => l.ToMessage()));
        return response;
    }

    public override async Task<GetLegislativeComparisonResponse> GetLegislativeComparison(GetLegislativeComparisonRequest request, ServerCallContext context) =>
        (await Legislation.CompareAsync(request.StateCodes, request.Topics, context.CancellationToken)).ToResponse();

    public override async Task<RecordStatusStatementResponse> RecordStatusStatement(RecordStatusStatementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("record a status statement");
        var violations = new FieldViolations();
        var statement = (request.Statement ?? new V1.StatusStatement()).ToDomain(violations);
        var key = IdempotencyKey.Of(context, request, violations);
        var recorded = await Legislation.RecordStatementAsync(caller, key, statement, violations, context.CancellationToken);
        return new RecordStatusStatementResponse { Statement = recorded.ToMessage() };
    }

    public override async Task<ListDataQualityFindingsResponse> ListDataQualityFindings(ListDataQualityFindingsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await Findings.ListAsync(request.SourceFile, request.StateCode, request.InstrumentId, page, context.CancellationToken);
        var response = new ListDataQualityFindingsResponse { NextPageToken = next };
        response.Findings.AddRange(items.Select(f => f.ToMessage()));
        return response;
    }

    public override async Task<ImportReferenceDataResponse> ImportReferenceData(ImportReferenceDataRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("import the reference data");
        return (await Importer.ImportAsync(context.CancellationToken)).ToResponse();
    }
}
