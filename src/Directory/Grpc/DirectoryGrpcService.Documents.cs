using Grpc.Core;
using Microsoft.AspNetCore.Http.Timeouts;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    // Bounded by the reader's deadline or cancellation, not by the server's default call timeout.
    [DisableRequestTimeout]
    public override async Task ExportDirectory(ExportDirectoryRequest request, IServerStreamWriter<ExportDirectoryResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Format), "format", "is not an ExportFormat");
        violations.ThrowIfAny();

        var format = request.Format == ExportFormat.JsonLines ? Domain.ExportFormat.JsonLines : Domain.ExportFormat.Csv;
        var export = new Domain.DirectoryExport(format, context.GetCaller().MayReadPersonalDataOf);
        var ct = context.CancellationToken;
        long line = 0;
        if (export.Header() is { } header)
        {
            await responseStream.WriteAsync(new ExportDirectoryResponse { Line = header, LineNumber = ++line }, ct);
        }

        // One row per message, each awaited: a slow reader slows the export down, nothing piles up.
        await foreach (var contact in ChangeLog.ContactsAsync(state, request.IncludeRetired, options.Value.ExportPageSize, ct))
        {
            await responseStream.WriteAsync(new ExportDirectoryResponse { Line = export.Line(contact), LineNumber = ++line }, ct);
        }
    }

    public override async Task<RenderDirectoryResponse> RenderDirectory(RenderDirectoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        violations.Check(Enum.IsDefined(request.Format), "format", "is not a DocumentFormat");
        violations.Check(Enum.IsDefined(request.Role), "role", "is not a ContactRole");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var role = request.Role.ToFilter();
        var states = (await register.ListAsync(ct))
            .Where(s => s.IsMemberOn(asOf) && (state is null || s.Code == state))
            .OrderBy(s => s.NameEn, StringComparer.Ordinal)
            .ToList();
        var snapshot = await ContactReader.DirectoryAsync(state, asOf, asOf, ct);
        var shown = snapshot.Contacts.Where(c => role is null || c.Role == role).ToList();
        var awaited = await AwaitedChangeRequestsAsync(state, role, asOf, ct);

        var document = new Domain.DirectoryDocument(
            request.Format == DocumentFormat.PlainText ? Domain.DocumentFormat.PlainText : Domain.DocumentFormat.Markdown,
            context.GetCaller().MayReadPersonalDataOf);
        return new RenderDirectoryResponse { Document = document.Render(asOf, role, states, shown, awaited), MediaType = document.MediaType };
    }

    /// <summary>The requests awaited on <paramref name="asOf"/>: opened by then, and not resolved by then.</summary>
    private async Task<List<Domain.ChangeRequest>> AwaitedChangeRequestsAsync(string? state, Domain.ContactRole? role, DateOnly asOf, CancellationToken ct)
    {
        var awaited = new List<Domain.ChangeRequest>();
        var page = new PageRequest(PageRequest.MaxSize, null);
        while (true)
        {
            var (items, next) = await ChangeRequests.ListAsync(new ChangeRequestFilter(state, null, null, false), page, ct);
            awaited.AddRange(items.Where(r => r.OpenedOn <= asOf && (r.ResolvedOn is null || r.ResolvedOn > asOf) && (role is null || r.Role == role)));
            if (next.Length == 0)
            {
                return awaited;
            }

            page = PageRequest.From(PageRequest.MaxSize, next);
        }
    }
}
