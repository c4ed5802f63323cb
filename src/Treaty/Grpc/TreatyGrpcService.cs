using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Telemetry;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Application.ReferenceData;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Treaty.Grpc;

/// <summary>The Treaty contract: maps messages to the ledger, the status reader and the registers.</summary>
public sealed class TreatyGrpcService(
    TreatyStatusReader status,
    TreatyActionLedger ledger,
    LegislationRegister legislation,
    DataQualityReader findings,
    ReferenceDataImporter importer,
    HybridCache cache,
    ReportRenderMetrics renderMetrics,
    TimeProvider clock) : TreatyService.TreatyServiceBase
{
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
        var result = await status.StateStatusAsync(request.StateCode, asOf, context.CancellationToken);
        var response = new GetStateStatusResponse { StateCode = result.StateCode, AsOf = result.AsOf.ToProto() };
        foreach (var line in result.Lines)
        {
            var message = line.Standing.ToMessage(line.InstrumentId);
            message.DataCaveats.AddRange(line.Caveats);
            message.PendingDomesticProcedures.AddRange(line.PendingProcedures.Select(l => l.ToMessage()));
            response.Instruments.Add(message);
        }

        response.Statements.AddRange(result.Statements.Select(s => s.ToMessage()));
        return response;
    }

    public override async Task<GetRatificationReportResponse> GetRatificationReport(GetRatificationReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        var snapshot = await status.SnapshotAsync(context.CancellationToken);
        var instrumentIds = request.InstrumentIds.Count > 0 ? request.InstrumentIds.ToArray() : snapshot.ReportOrder.Select(i => i.Id).ToArray();

        // The finished response is cached too (reports are read far more often than written);
        // it carries the same tags as the report it is built from.
        return await cache.GetOrCreateResponseAsync(
            $"treaty:report-response:v1:{asOf:yyyy-MM-dd}:{scope}:{string.Join(',', request.InstrumentIds)}",
            (Status: status, AsOf: asOf, Scope: scope, Ids: request.InstrumentIds.ToArray(), Metrics: renderMetrics),
            static async (s, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                var (status, asOf, scope) = (s.Status, s.AsOf, s.Scope);
                var report = await status.ReportAsync(asOf, scope, s.Ids, ct);
                var snapshot = await status.SnapshotAsync(ct);
                var response = new GetRatificationReportResponse
                {
                    AsOf = report.AsOf.ToProto(),
                    Scope = report.Scope.ToMessage(),
                    StatesInScope = report.StatesInScope,
                    Paragraph = report.Paragraph,
                };
                response.Excluded.AddRange(report.Excluded);
                foreach (var t in report.Tallies)
                {
                    var tally = new InstrumentTally
                    {
                        Instrument = snapshot.InstrumentsById[t.InstrumentId].ToMessage(),
                        ConsentedCount = t.Consented.Length,
                        Sentence = t.Sentence,
                    };
                    tally.ConsentedStateCodes.AddRange(t.Consented);
                    tally.NotConsentedStateCodes.AddRange(t.NotConsented);
                    tally.SignedOnlyStateCodes.AddRange(t.SignedOnly);
                    tally.DataCaveats.AddRange(t.Caveats);
                    response.Tallies.Add(tally);
                }

                s.Metrics.Rendered("ratification", started);
                return response;
            },
            [CacheTags.Register, CacheTags.Snapshot, .. instrumentIds.Select(CacheTags.Instrument)],
            context.CancellationToken);
    }

    public override async Task<GetInstrumentStatusResponse> GetInstrumentStatus(GetInstrumentStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        var result = await status.InstrumentStatusAsync(request.InstrumentId, asOf, scope, context.CancellationToken);
        var instrument = await status.GetInstrumentAsync(result.InstrumentId, "instrument_id", context.CancellationToken);
        var response = new GetInstrumentStatusResponse
        {
            Instrument = instrument.ToMessage(),
            AsOf = result.AsOf.ToProto(),
            Scope = result.Scope.ToMessage(),
            SignatoryCount = result.Signatories,
            ConsentedCount = result.Consented,
            PartyCount = result.Parties,
        };
        response.Participants.AddRange(result.Participants.Select(p => new Participant { StateCode = p.StateCode, Status = p.ToMessage(p.InstrumentId) }));
        return response;
    }

    public override async Task<CompareStatusResponse> CompareStatus(CompareStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var from = violations.Try(() => request.FromDate.ToDateOnly("from_date"));
        var to = violations.Try(() => request.ToDate.ToAsOf("to_date", clock));
        var scope = violations.Try(() => request.Scope.ToDomain("scope"));
        violations.ThrowIfAny();
        var result = await status.CompareAsync(from, to, scope, request.InstrumentIds, request.StateCode, context.CancellationToken);
        var response = new CompareStatusResponse { FromDate = result.From.ToProto(), ToDate = result.To.ToProto(), Scope = result.Scope.ToMessage() };
        response.Changes.AddRange(result.Changes.Select(c => new StatusChange
        {
            StateCode = c.StateCode,
            InstrumentId = c.InstrumentId,
            Kind = (StatusChangeKind)(int)c.Kind,
            Date = c.Date.ToProto(),
            ConsentKind = c.ConsentKind is { } k ? Messages.ToConsentKind(k) : ConsentKind.Unspecified,
        }));
        response.Counts.AddRange(result.Counts.Select(c =>
        {
            var count = new InstrumentCountChange { InstrumentId = c.InstrumentId, ConsentedCountFrom = c.From, ConsentedCountTo = c.To };
            count.NewlyConsentedStateCodes.AddRange(c.Newly);
            count.NoLongerConsentedStateCodes.AddRange(c.NoLonger);
            return count;
        }));
        return response;
    }

    public override async Task<RecordTreatyActionResponse> RecordTreatyAction(RecordTreatyActionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureSecretariat("record a treaty action");
        var violations = new FieldViolations();
        var input = new ActionInput(
            request.RequestId, request.StateCode, request.InstrumentId, request.Kind.ToDomain(),
            violations.Try(() => request.ActDate.ToDateOnlyOrNull("act_date")),
            violations.Try(() => request.DepositDate.ToDateOnlyOrNull("deposit_date")),
            [.. request.Declarations], [.. request.Reservations], request.Source, request.Note);
        var action = await ledger.RecordAsync(caller, input, violations, context.CancellationToken);
        return new RecordTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<CorrectTreatyActionResponse> CorrectTreatyAction(CorrectTreatyActionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureSecretariat("correct a treaty action");
        var violations = new FieldViolations();
        var given = request.TreatyAction ?? new V1.TreatyAction();
        var changes = new ActionChanges
        {
            Paths = (request.UpdateMask?.Paths ?? []).ToHashSet(StringComparer.Ordinal),
            Kind = given.Kind.ToDomain(),
            ActDate = violations.Try(() => given.ActDate.ToDateOnlyOrNull("treaty_action.act_date")),
            DepositDate = violations.Try(() => given.DepositDate.ToDateOnlyOrNull("treaty_action.deposit_date")),
            Declarations = [.. given.Declarations],
            Reservations = [.. given.Reservations],
            Source = given.Source,
            Note = given.Note,
        };
        var etag = string.IsNullOrEmpty(request.Etag) ? given.Etag : request.Etag;
        var action = await ledger.CorrectAsync(caller, given.Name, changes, request.Reason, etag, violations, context.CancellationToken);
        return new CorrectTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<WithdrawTreatyActionResponse> WithdrawTreatyAction(WithdrawTreatyActionRequest request, ServerCallContext context)
    {
        var action = await ledger.WithdrawAsync(context.GetCaller(), request.Name, request.Reason, request.Etag, new FieldViolations(), context.CancellationToken);
        return new WithdrawTreatyActionResponse { TreatyAction = action.ToMessage() };
    }

    public override async Task<GetTreatyActionResponse> GetTreatyAction(GetTreatyActionRequest request, ServerCallContext context) =>
        new() { TreatyAction = (await ledger.GetAsync(request.Name, context.CancellationToken)).ToMessage() };

    public override async Task<ListTreatyActionsResponse> ListTreatyActions(ListTreatyActionsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await ledger.ListAsync(request.StateCode, request.InstrumentId, request.IncludeWithdrawn, page, context.CancellationToken);
        var response = new ListTreatyActionsResponse { NextPageToken = next };
        response.TreatyActions.AddRange(items.Select(a => a.ToMessage()));
        return response;
    }

    public override async Task<RecordLegislationResponse> RecordLegislation(RecordLegislationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("record legislation");
        var violations = new FieldViolations();
        var given = request.Legislation ?? new V1.Legislation();
        var law = new Domain.Legislation
        {
            StateCode = given.StateCode,
            Title = given.Title,
            Kind = (Domain.LegislationKind)(int)given.Kind,
            Status = (Domain.LegislationStatus)(int)given.Status,
            EnactedOn = violations.Try(() => given.EnactedOn.ToPartialDate("legislation.enacted_on")),
            InForceOn = violations.Try(() => given.InForceOn.ToPartialDate("legislation.in_force_on")),
            Topics = [.. given.Topics.Distinct()],
            InstrumentIds = [.. given.InstrumentIds.Distinct()],
            Summary = given.Summary,
            Source = given.Source,
            ReportedOn = violations.Try(() => given.ReportedOn.ToDateOnlyOrNull("legislation.reported_on")),
        };
        var recorded = await legislation.RecordAsync(caller, request.RequestId, law, violations, context.CancellationToken);
        return new RecordLegislationResponse { Legislation = recorded.ToMessage() };
    }

    public override async Task<ListLegislationResponse> ListLegislation(ListLegislationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var start = violations.Try(() => request.StartDate.ToDateOnlyOrNull("start_date"));
        var end = violations.Try(() => request.EndDate.ToDateOnlyOrNull("end_date"));
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        violations.ThrowIfAny();
        var (items, next) = await legislation.ListAsync(
            new LegislationFilter(request.StateCode, request.Topic, request.InstrumentId, start, end), page, context.CancellationToken);
        var response = new ListLegislationResponse { NextPageToken = next };
        response.Legislation.AddRange(items.Select(l => l.ToMessage()));
        return response;
    }

    public override async Task<GetLegislativeComparisonResponse> GetLegislativeComparison(GetLegislativeComparisonRequest request, ServerCallContext context)
    {
        var (topics, rows) = await legislation.CompareAsync(request.StateCodes, request.Topics, context.CancellationToken);
        var response = new GetLegislativeComparisonResponse();
        response.Topics.AddRange(topics.Select(t => new LegislativeTopic { Id = t.Id, Label = t.Label }));
        foreach (var row in rows)
        {
            var message = new LegislativeComparisonRow { StateCode = row.StateCode };
            message.Cells.AddRange(row.Cells.Select(c =>
            {
                var cell = new LegislativeComparisonCell { Topic = c.Topic, HasProvision = c.InEffect.Length > 0 };
                cell.LegislationNames.AddRange(c.InEffect);
                cell.PendingLegislationNames.AddRange(c.Pending);
                return cell;
            }));
            response.Rows.Add(message);
        }

        return response;
    }

    public override async Task<RecordStatusStatementResponse> RecordStatusStatement(RecordStatusStatementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureAuthenticated("record a status statement");
        var violations = new FieldViolations();
        var given = request.Statement ?? new V1.StatusStatement();
        var statement = new Domain.StatusStatement
        {
            StateCode = given.StateCode,
            MadeOn = violations.Try(() => given.MadeOn.ToDateOnly("statement.made_on")),
            Source = given.Source,
            Text = given.Text,
            InstrumentIds = [.. given.InstrumentIds.Distinct()],
            Note = given.Note,
        };
        var recorded = await legislation.RecordStatementAsync(caller, request.RequestId, statement, violations, context.CancellationToken);
        return new RecordStatusStatementResponse { Statement = recorded.ToMessage() };
    }

    public override async Task<ListDataQualityFindingsResponse> ListDataQualityFindings(ListDataQualityFindingsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await findings.ListAsync(request.SourceFile, request.StateCode, request.InstrumentId, page, context.CancellationToken);
        var response = new ListDataQualityFindingsResponse { NextPageToken = next };
        response.Findings.AddRange(items.Select(f => f.ToMessage()));
        return response;
    }

    public override async Task<ImportReferenceDataResponse> ImportReferenceData(ImportReferenceDataRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("import the reference data");
        var summary = await importer.ImportAsync(context.CancellationToken);
        return new ImportReferenceDataResponse
        {
            Instruments = summary.Instruments,
            RowsRead = summary.RowsRead,
            ActionsCreated = summary.Created,
            ActionsUpdated = summary.Updated,
            ActionsUnchanged = summary.Unchanged,
            ActionsKeptAsCorrected = summary.KeptAsCorrected,
            Findings = summary.Findings,
        };
    }
}
