using System.Diagnostics;
using Grpc.Core;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Application.Reports;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.ServiceDefaults.Telemetry;
using V1 = TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

/// <summary>
/// The contract's endpoint: maps messages to the use cases and back (<see cref="MeetingMessages"/>,
/// <see cref="DocumentMessages"/>, <see cref="ReportMessages"/>).
/// </summary>
[BindServiceMethod(typeof(WireBytesBinding<V1.MeetingsService.MeetingsServiceBase>), nameof(WireBytesBinding<V1.MeetingsService.MeetingsServiceBase>.BindService))]
public sealed class MeetingsGrpcService(
    IServiceProvider call, ReportRenderMetrics renderMetrics)
    : V1.MeetingsService.MeetingsServiceBase
{
    // Each call resolves, from its scope, only what it uses: a database context is leased on first use.
    private MeetingRecords Records => field ??= call.GetRequiredService<MeetingRecords>();

    private DocumentRegistry Documents => field ??= call.GetRequiredService<DocumentRegistry>();

    private MeetingReportBuilder Reports => field ??= call.GetRequiredService<MeetingReportBuilder>();

    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var all = await Records.ListAsync(context.CancellationToken);
        // Oldest first: the key orders by start date, then id.
        var (items, next) = page.Take(all, m => $"{m.StartDate:yyyy-MM-dd}|{m.Id}");
        var response = new V1.ListMeetingsResponse { NextPageToken = next };
        response.Meetings.AddRange(items.Select(m => m.ToMessage()));
        return response;
    }

    public override async Task<V1.GetMeetingResponse> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context) =>
        new() { Meeting = (await Records.GetAsync(request.MeetingId, context.CancellationToken)).ToMessage() };

    public override async Task<V1.ListParticipantsResponse> ListParticipants(V1.ListParticipantsRequest request, ServerCallContext context)
    {
        var meeting = await Records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListParticipantsResponse();
        response.Participants.AddRange(meeting.Participants
            .Where(p => request.Kind == V1.ParticipantKind.Unspecified || (int)p.Kind == (int)request.Kind)
            .Select(p => p.ToMessage(meeting)));
        return response;
    }

    public override async Task<V1.ListElectionsResponse> ListElections(V1.ListElectionsRequest request, ServerCallContext context)
    {
        var meeting = await Records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListElectionsResponse();
        response.Elections.AddRange(meeting.Elections.Select(e => e.ToMessage(meeting)));
        return response;
    }

    public override async Task<V1.ListInterventionsResponse> ListInterventions(V1.ListInterventionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.SessionOrdinal >= 0, "session_ordinal", "must not be negative");
        violations.MaxLength(request.Speaker, 40, "speaker");
        violations.MaxLength(request.ComponentNumber, 20, "component_number");
        violations.ThrowIfAny();
        var meeting = await Records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListInterventionsResponse();
        response.Interventions.AddRange(meeting.Interventions
            .Where(i => request.SessionOrdinal == 0 || i.SessionOrdinal == request.SessionOrdinal)
            .Where(i => request.Speaker.Length == 0 || i.AllSpeakers().Contains(request.Speaker))
            .Where(i => request.ComponentNumber.Length == 0 || i.ComponentNumbers.Contains(request.ComponentNumber))
            .Where(i => request.Kind == V1.InterventionKind.Unspecified || (int)i.Kind == (int)request.Kind)
            .Select(i => i.ToMessage(meeting)));
        return response;
    }

    public override async Task<V1.GetWorkProgramResponse> GetWorkProgram(V1.GetWorkProgramRequest request, ServerCallContext context)
    {
        var meeting = await Records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.GetWorkProgramResponse { DocumentSymbol = meeting.WorkProgramSymbol };
        response.AlsoIdentified.AddRange(meeting.AlsoIdentified);
        response.Components.AddRange(meeting.Components.Select(c => c.ToMessage(meeting)));
        response.Proposals.AddRange(meeting.Proposals.Select(p => p.ToMessage()));
        response.FollowUps.AddRange(meeting.FollowUps.Select(f => f.ToMessage()));
        return response;
    }

    public override async Task<V1.UpdateFollowUpResponse> UpdateFollowUp(V1.UpdateFollowUpRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var message = request.FollowUp ?? throw new ValidationException("follow_up", "is required");
        var parts = message.Name.Split('/');
        if (parts is not ["meetings", { Length: > 0 }, "follow-ups", { Length: > 0 }])
        {
            throw new ValidationException("follow_up.name", "must be a follow-up's resource name, e.g. \"meetings/gtdot-ii/follow-ups/distribute-components-summary\"");
        }

        var fields = (request.UpdateMask?.Paths ?? []).ToHashSet(StringComparer.Ordinal);
        FollowUpStatus? status = fields.Contains("status") && message.Status != V1.FollowUpStatus.Unspecified && Enum.IsDefined((FollowUpStatus)(int)message.Status)
            ? (FollowUpStatus)(int)message.Status
            : null;
        var violations = new FieldViolations();
        var due = fields.Contains("due_date") ? violations.Try(() => message.DueDate.ToDateOnlyOrNull("follow_up.due_date")) : null;
        violations.ThrowIfAny();

        var updated = await Records.UpdateFollowUpAsync(
            caller,
            new FollowUpChange(parts[1], parts[3], message.Etag, fields, status, message.Owner, due),
            context.CancellationToken);
        return new V1.UpdateFollowUpResponse { FollowUp = updated.ToMessage() };
    }

    public override Task<V1.ParseDocumentSymbolResponse> ParseDocumentSymbol(V1.ParseDocumentSymbolRequest request, ServerCallContext context) =>
        Task.FromResult(new V1.ParseDocumentSymbolResponse { Symbol = DocumentSymbol.Parse(request.Symbol).ToMessage() });

    public override async Task<V1.RegisterDocumentResponse> RegisterDocument(V1.RegisterDocumentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var document = request.Document ?? throw new ValidationException("document", "is required");
        if (!Enum.IsDefined((DocumentContent)(int)document.Content))
        {
            throw new ValidationException("document.content", "is not a known kind of content");
        }

        // A retry may spell the symbol another way: the request id's fingerprint is of the symbol as normalized.
        var canonical = request.Clone();
        if (DocumentSymbol.TryParse(document.Symbol?.Normalized, out var symbol, out _))
        {
            canonical.Document.Symbol.Normalized = symbol!.Normalized;
        }

        var violations = new FieldViolations();
        var key = IdempotencyKey.Of(context, canonical, violations);
        violations.ThrowIfAny();
        var view = await Documents.RegisterAsync(
            caller,
            new NewDocument(document.Symbol?.Normalized, document.Title, document.MeetingId, document.Description, (DocumentContent)(int)document.Content, key),
            context.CancellationToken);
        return new V1.RegisterDocumentResponse { Document = view.ToMessage() };
    }

    public override async Task<V1.GetDocumentResponse> GetDocument(V1.GetDocumentRequest request, ServerCallContext context) =>
        new() { Document = (await Documents.GetAsync(request.Symbol, context.CancellationToken)).ToMessage() };

    public override async Task<V1.ListDocumentsResponse> ListDocuments(V1.ListDocumentsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await Documents.ListAsync(request.MeetingId, request.BaseSymbol, page, context.CancellationToken);
        var response = new V1.ListDocumentsResponse { NextPageToken = next };
        response.Documents.AddRange(items.Select(d => d.ToMessage()));
        return response;
    }

    public override async Task<V1.RenderMeetingReportResponse> RenderMeetingReport(V1.RenderMeetingReportRequest request, ServerCallContext context)
    {
        var format = request.Format.ToFormat();
        var started = Stopwatch.GetTimestamp();
        var report = await Reports.RenderAsync(request.MeetingId, format, context.CancellationToken);
        renderMetrics.Rendered("meeting", started, partial: report.PartialSections.Count > 0);
        return report.ToMessage();
    }
}
