using System.Diagnostics;
using Grpc.Core;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Application.Reports;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Telemetry;
using V1 = TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

/// <summary>The contract's endpoint: maps messages to the domain and back. Enum values are shared by number.</summary>
public sealed class MeetingsGrpcService(MeetingRecords records, DocumentRegistry documents, MeetingReportBuilder reports, ReportRenderMetrics renderMetrics)
    : V1.MeetingsService.MeetingsServiceBase
{
    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var all = await records.ListAsync(context.CancellationToken);
        // Oldest first: the key orders by start date, then id.
        var (items, next) = page.Take(all, m => $"{m.StartDate:yyyy-MM-dd}|{m.Id}");
        var response = new V1.ListMeetingsResponse { NextPageToken = next };
        response.Meetings.AddRange(items.Select(ToMessage));
        return response;
    }

    public override async Task<V1.GetMeetingResponse> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context) =>
        new() { Meeting = ToMessage(await records.GetAsync(request.MeetingId, context.CancellationToken)) };

    public override async Task<V1.ListParticipantsResponse> ListParticipants(V1.ListParticipantsRequest request, ServerCallContext context)
    {
        var meeting = await records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListParticipantsResponse();
        response.Participants.AddRange(meeting.Participants
            .Where(p => request.Kind == V1.ParticipantKind.Unspecified || (int)p.Kind == (int)request.Kind)
            .Select(p => ToMessage(meeting, p)));
        return response;
    }

    public override async Task<V1.ListElectionsResponse> ListElections(V1.ListElectionsRequest request, ServerCallContext context)
    {
        var meeting = await records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListElectionsResponse();
        response.Elections.AddRange(meeting.Elections.Select(e => new V1.Election
        {
            Name = $"meetings/{meeting.Id}/elections/{e.Sequence}",
            Office = (V1.Office)(int)e.Office,
            Nominee = e.Nominee,
            NomineeStateCode = e.NomineeStateCode,
            NominatedBy = e.NominatedBy,
            SecondedBy = e.SecondedBy,
            Outcome = (V1.ElectionOutcome)(int)e.Outcome,
            VotesFor = e.VotesFor,
            ElectedBy = e.ElectedBy,
            SessionOrdinal = e.SessionOrdinal,
            Sequence = e.Sequence,
        }));
        return response;
    }

    public override async Task<V1.ListInterventionsResponse> ListInterventions(V1.ListInterventionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.SessionOrdinal >= 0, "session_ordinal", "must not be negative");
        violations.MaxLength(request.Speaker, 40, "speaker");
        violations.MaxLength(request.ComponentNumber, 20, "component_number");
        violations.ThrowIfAny();
        var meeting = await records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.ListInterventionsResponse();
        response.Interventions.AddRange(meeting.Interventions
            .Where(i => request.SessionOrdinal == 0 || i.SessionOrdinal == request.SessionOrdinal)
            .Where(i => request.Speaker.Length == 0 || i.Speaker == request.Speaker)
            .Where(i => request.ComponentNumber.Length == 0 || i.ComponentNumbers.Contains(request.ComponentNumber))
            .Where(i => request.Kind == V1.InterventionKind.Unspecified || (int)i.Kind == (int)request.Kind)
            .Select(i => ToMessage(meeting, i)));
        return response;
    }

    public override async Task<V1.GetWorkProgramResponse> GetWorkProgram(V1.GetWorkProgramRequest request, ServerCallContext context)
    {
        var meeting = await records.GetAsync(request.MeetingId, context.CancellationToken);
        var response = new V1.GetWorkProgramResponse { DocumentSymbol = meeting.WorkProgramSymbol };
        response.AlsoIdentified.AddRange(meeting.AlsoIdentified);
        response.Components.AddRange(meeting.Components.Select(c =>
        {
            var message = new V1.WorkProgramComponent
            {
                Number = c.Number,
                Label = c.Label,
                Text = c.Text,
                DocumentSymbol = c.DocumentSymbol,
                Identified = c.Identified,
                Notes = c.Notes,
                ConsideredWith = { c.ConsideredWith },
            };
            message.Positions.AddRange(MeetingRecords.PositionsOn(meeting, c.Number).Select(p => new V1.ComponentPosition
            {
                Participant = p.Participant,
                Stance = (V1.Stance)(int)p.Stance,
                Intervention = p.Intervention,
            }));
            return message;
        }));
        response.Proposals.AddRange(meeting.Proposals.Select(p => new V1.Proposal
        {
            Id = p.Id,
            Text = p.Text,
            ProposedBy = { p.ProposedBy },
            SupportedBy = { p.SupportedBy },
            Status = (V1.ProposalStatus)(int)p.Status,
            Interventions = { p.Interventions },
        }));
        response.FollowUps.AddRange(meeting.FollowUps.Select(ToMessage));
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

        var updated = await records.UpdateFollowUpAsync(
            caller,
            new FollowUpChange(parts[1], parts[3], message.Etag, fields, status, message.Owner, due),
            context.CancellationToken);
        return new V1.UpdateFollowUpResponse { FollowUp = ToMessage(updated) };
    }

    public override Task<V1.ParseDocumentSymbolResponse> ParseDocumentSymbol(V1.ParseDocumentSymbolRequest request, ServerCallContext context) =>
        Task.FromResult(new V1.ParseDocumentSymbolResponse { Symbol = ToMessage(DocumentSymbol.Parse(request.Symbol)) });

    public override async Task<V1.RegisterDocumentResponse> RegisterDocument(V1.RegisterDocumentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var document = request.Document ?? throw new ValidationException("document", "is required");
        if (!Enum.IsDefined((DocumentContent)(int)document.Content))
        {
            throw new ValidationException("document.content", "is not a known kind of content");
        }

        var view = await documents.RegisterAsync(
            caller,
            new NewDocument(document.Symbol?.Normalized, document.Title, document.MeetingId, document.Description, (DocumentContent)(int)document.Content, request.RequestId),
            context.CancellationToken);
        return new V1.RegisterDocumentResponse { Document = ToMessage(view) };
    }

    public override async Task<V1.GetDocumentResponse> GetDocument(V1.GetDocumentRequest request, ServerCallContext context) =>
        new() { Document = ToMessage(await documents.GetAsync(request.Symbol, context.CancellationToken)) };

    public override async Task<V1.ListDocumentsResponse> ListDocuments(V1.ListDocumentsRequest request, ServerCallContext context)
    {
        var page = PageRequest.From(request.PageSize, request.PageToken);
        var (items, next) = await documents.ListAsync(request.MeetingId, request.BaseSymbol, page, context.CancellationToken);
        var response = new V1.ListDocumentsResponse { NextPageToken = next };
        response.Documents.AddRange(items.Select(ToMessage));
        return response;
    }

    public override async Task<V1.RenderMeetingReportResponse> RenderMeetingReport(V1.RenderMeetingReportRequest request, ServerCallContext context)
    {
        var format = request.Format switch
        {
            V1.ReportFormat.Unspecified or V1.ReportFormat.Markdown => ReportFormat.Markdown,
            V1.ReportFormat.Html => ReportFormat.Html,
            V1.ReportFormat.Text => ReportFormat.Text,
            _ => throw new ValidationException("format", "must be REPORT_FORMAT_MARKDOWN, REPORT_FORMAT_HTML or REPORT_FORMAT_TEXT"),
        };
        var started = Stopwatch.GetTimestamp();
        var report = await reports.RenderAsync(request.MeetingId, format, context.CancellationToken);
        renderMetrics.Rendered("meeting", started, partial: report.PartialSections.Count > 0);
        var response = new V1.RenderMeetingReportResponse
        {
            Format = (V1.ReportFormat)(int)report.Format,
            ContentType = report.ContentType,
            Content = report.Content,
        };
        response.Sections.AddRange(report.Sections.Select(s => new V1.ReportSection
        {
            Id = s.Id,
            Title = s.Title,
            Available = s.Available,
            UnavailableReason = s.UnavailableReason,
        }));
        response.PartialSections.AddRange(report.PartialSections);
        return response;
    }

    private static V1.Meeting ToMessage(Meeting m)
    {
        var message = new V1.Meeting
        {
            Name = $"meetings/{m.Id}",
            Id = m.Id,
            Body = m.Body,
            Ordinal = m.Ordinal,
            Title = m.Title,
            // google.type.Date allows a year alone when the record gives no more.
            StartDate = m.DatePrecisionYearOnly ? new Google.Type.Date { Year = m.StartDate.Year } : m.StartDate.ToProto(),
            EndDate = m.EndDate.ToProto(),
            Venue = m.Venue,
            MandateSymbol = m.MandateSymbol,
            MandatePlace = m.MandatePlace,
            PreviousMeeting = m.PreviousMeetingId is null ? "" : $"meetings/{m.PreviousMeetingId}",
            ClosedAt = m.ClosedAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ParticipantsDocument = m.ParticipantsDocument,
            Notes = m.Notes,
        };
        message.Sessions.AddRange(m.Sessions.Select(s => new V1.Session
        {
            Ordinal = s.Ordinal,
            Kind = (V1.SessionKind)(int)s.Kind,
            Topic = s.Topic,
            Purpose = s.Purpose,
        }));
        message.AgendaItems.AddRange(m.AgendaItems.Select(a => new V1.AgendaItem { Ordinal = a.Ordinal, Title = a.Title, SessionOrdinal = a.SessionOrdinal }));
        return message;
    }

    private static V1.Participant ToMessage(Meeting meeting, Participant p) => new()
    {
        Name = $"meetings/{meeting.Id}/participants/{p.Id}",
        Id = p.Id,
        Kind = (V1.ParticipantKind)(int)p.Kind,
        StateCode = p.StateCode ?? "",
        DisplayName = p.DisplayName,
        Organization = p.Organization,
        Person = p.Person,
        Title = p.Title,
        Roles = { p.Roles.Select(r => (V1.ParticipantRole)(int)r) },
    };

    private static V1.Intervention ToMessage(Meeting meeting, Intervention i) => new()
    {
        Name = $"meetings/{meeting.Id}/interventions/{i.Sequence}",
        Sequence = i.Sequence,
        SessionOrdinal = i.SessionOrdinal,
        Speaker = i.Speaker,
        Kind = (V1.InterventionKind)(int)i.Kind,
        Summary = i.Summary,
        InstrumentIds = { i.InstrumentIds },
        Legislation = { i.Legislation },
        ComponentNumbers = { i.ComponentNumbers },
        ComponentStance = (V1.Stance)(int)i.ComponentStance,
        DocumentSymbols = { i.DocumentSymbols },
        Supports = i.Supports,
        Answers = i.Answers,
        ProposalId = i.ProposalId ?? "",
    };

    private static V1.FollowUp ToMessage(FollowUp f) => new()
    {
        Name = $"meetings/{f.MeetingId}/follow-ups/{f.Id}",
        Id = f.Id,
        Kind = (V1.FollowUpKind)(int)f.Kind,
        Description = f.Description,
        Owner = f.Owner,
        DueDate = f.DueDate.ToProto(),
        Status = (V1.FollowUpStatus)(int)f.Status,
        Addressee = f.Addressee,
        SessionOrdinal = f.SessionOrdinal,
        Sequence = f.Sequence,
        Etag = f.Etag,
    };

    internal static V1.DocumentSymbol ToMessage(DocumentSymbol s) => new()
    {
        Normalized = s.Normalized,
        Kind = (V1.SymbolKind)(int)s.Kind,
        Organ = s.Organ,
        Body = s.Body,
        Number = s.Number,
        Year = s.Year,
        Session = s.Session,
        SessionKind = (V1.AssemblySessionKind)(int)s.SessionKind,
        Revision = s.Revision,
        Addendum = s.Addendum,
        Corrigendum = s.Corrigendum,
        BaseSymbol = s.BaseSymbol,
        AmendsSymbol = s.AmendsSymbol ?? "",
    };

    private static V1.Document ToMessage(DocumentView d) => new()
    {
        Name = "documents/" + d.Document.Symbol,
        Symbol = ToMessage(d.Symbol),
        Title = d.Document.Title,
        MeetingId = d.Document.MeetingId ?? "",
        Description = d.Document.Description,
        BaseRegistered = d.BaseRegistered,
        Amendments = { d.Amendments },
        Content = (V1.DocumentContent)(int)d.Document.Content,
        Etag = d.Document.Etag,
    };
}
