using FundingSummary = TocMesh.TechnicalCooperation.Domain.FundingSummary;
using Grpc.Core;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>Funding of the work, its summary by area and currency, and the documents it was reported in.</summary>
public sealed partial class TechnicalCooperationGrpcService
{
    public override async Task<RecordFundingResponse> RecordFunding(RecordFundingRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureSecretariat("record funding");
        var v = new FieldViolations();
        var record = MessageReader.ToFunding(request.Funding, currencies, v);
        var key = IdempotencyKey.Of(context, request, v);
        v.ThrowIfAny();

        var saved = await Funding.RecordAsync(record, key, context.CancellationToken);
        return new RecordFundingResponse { Funding = saved.ToMessage() };
    }

    public override async Task<ListFundingResponse> ListFunding(ListFundingRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var page = v.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var area = Vocabulary.NormalizeSlug(request.WorkArea, "work_area", v, required: false);
        v.Check(Enum.IsDefined((Domain.FundingSource)request.Source), "source", "is not a known source");
        v.ThrowIfAny();

        var matching = (await Funding.AllAsync(context.CancellationToken))
            .Where(f => area is null || f.WorkArea == area)
            .Where(f => request.Source == V1.FundingSource.Unspecified || f.Source == (Domain.FundingSource)request.Source);
        var (items, next) = page.Take(matching, f => Key(f.Id));
        var response = new ListFundingResponse { NextPageToken = next };
        response.Funding.AddRange(items.Select(f => f.ToMessage()));
        return response;
    }

    public override async Task<GetFundingSummaryResponse> GetFundingSummary(GetFundingSummaryRequest request, ServerCallContext context)
    {
        var summary = FundingSummary.Compute(await Funding.AllAsync(context.CancellationToken), await Needs.AllAsync(context.CancellationToken));
        var response = new GetFundingSummaryResponse();
        response.Areas.AddRange(summary.Areas.Select(a =>
        {
            var area = new V1.WorkAreaFunding { WorkArea = a.WorkArea, UnstatedAmountCount = a.UnstatedAmountCount, Funded = a.Funded };
            area.Totals.AddRange(a.Totals.Select(t => t.ToMessage(currencies)));
            return area;
        }));
        response.UnfundedAreas.AddRange(summary.UnfundedAreas.Select(u => new V1.UnfundedArea { WorkArea = u.WorkArea, FundsSought = u.FundsSought, OpenNeedCount = u.OpenNeedCount }));
        response.Totals.AddRange(summary.Totals.Select(t => t.ToMessage(currencies)));
        return response;
    }

    public override async Task<ListSourceDocumentsResponse> ListSourceDocuments(ListSourceDocumentsRequest request, ServerCallContext context)
    {
        var response = new ListSourceDocumentsResponse();
        response.SourceDocuments.AddRange((await Funding.SourceDocumentsAsync(context.CancellationToken)).Select(d => d.ToMessage()));
        return response;
    }
}
