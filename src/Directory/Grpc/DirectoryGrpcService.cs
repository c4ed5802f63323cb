using Grpc.Core;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using TocMesh.Directory.Application;
using TocMesh.Directory.Domain;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.MemberStates;
using ChangeRequest = TocMesh.Directory.V1.ChangeRequest;
using ChangeRequestStatus = TocMesh.Directory.V1.ChangeRequestStatus;
using Contact = TocMesh.Directory.V1.Contact;
using ContactChannel = TocMesh.Directory.V1.ContactChannel;
using ContactRevision = TocMesh.Directory.V1.ContactRevision;
using ContactRole = TocMesh.Directory.V1.ContactRole;
using DocumentFormat = TocMesh.Directory.V1.DocumentFormat;
using ExportFormat = TocMesh.Directory.V1.ExportFormat;
using MemberState = TocMesh.Directory.V1.MemberState;
using MembershipPeriod = TocMesh.Directory.V1.MembershipPeriod;
using Participation = TocMesh.Directory.V1.Participation;
using RevisionKind = TocMesh.Directory.V1.RevisionKind;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace TocMesh.Directory.Grpc;

/// <summary>The Directory's contract: maps messages to the register, the contacts and the change requests.</summary>
public sealed class DirectoryGrpcService(
    MemberStateCatalog memberStates,
    MemberStateRegister register,
    ContactStore contacts,
    ChangeRequestStore changeRequests,
    DirectoryChangeLog changeLog,
    DirectoryChangeSignal changeSignal,
    WatchSlots watchSlots,
    IOptions<DirectoryOptions> options,
    HybridCache cache,
    TimeProvider clock) : DirectoryService.DirectoryServiceBase
{
    public override async Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var page = PageRequest.From(request.PageSize, request.PageToken);

        // The hottest read of the mesh: the finished response is cached per day and page.
        return await cache.GetOrCreateResponseAsync(
            $"directory:member-states:v1:{asOf:yyyy-MM-dd}:{page.Size}:{page.After}",
            (MemberStates: memberStates, Page: page, AsOf: asOf),
            static async (s, ct) =>
            {
                var (items, next, total) = await s.MemberStates.ListAsync(s.Page, ct);
                var response = new ListMemberStatesResponse { NextPageToken = next, TotalSize = total };
                response.MemberStates.AddRange(items.Select(state => ToMessage(state, s.AsOf)));
                return response;
            },
            [MemberStateRegister.CacheTag],
            context.CancellationToken);
    }

    public override async Task<GetMemberStateResponse> GetMemberState(GetMemberStateRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf.ToAsOf("as_of", clock);
        var state = await memberStates.GetAsync(request.Code, "code", context.CancellationToken);
        return new GetMemberStateResponse { MemberState = ToMessage(state, asOf) };
    }

    public override async Task<GetContactResponse> GetContact(GetContactRequest request, ServerCallContext context)
    {
        var contact = await contacts.GetAsync(request.Name, "name", context.CancellationToken);
        return new GetContactResponse { Contact = ToMessage(contact, context.GetCaller().MayReadPersonalData) };
    }

    public override async Task<CreateContactResponse> CreateContact(CreateContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = ToDetails(request.Contact, violations);
        var contact = await contacts.CreateAsync(details, request.RequestId, request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new CreateContactResponse { Contact = ToMessage(contact, mayReadPersonalData: true) };
    }

    public override async Task<UpdateContactResponse> UpdateContact(UpdateContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var incoming = ToDetails(request.Contact, violations);
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var contact = await contacts.UpdateAsync(
            request.Contact?.Name ?? "", request.Contact?.Etag ?? "", paths, incoming, request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new UpdateContactResponse { Contact = ToMessage(contact, mayReadPersonalData: true) };
    }

    public override async Task<RetireContactResponse> RetireContact(RetireContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var validTo = violations.Try(() => request.ValidTo.ToDateOnlyOrNull("valid_to"));
        var contact = await contacts.RetireAsync(request.Name, request.Etag, validTo, request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new RetireContactResponse { Contact = ToMessage(contact, mayReadPersonalData: true) };
    }

    public override async Task<ListContactsResponse> ListContacts(ListContactsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Role), "role", "is not a ContactRole");
        var instrument = request.InstrumentId.Trim().ToLowerInvariant();
        violations.Check(instrument.Length == 0 || ContactRules.PalermoInstruments.Contains(instrument), "instrument_id",
            "authorities are designated under untoc, untoc-tip, untoc-som or untoc-firearms");
        string? language = null;
        if (request.Language.Length > 0)
        {
            language = ContactRules.NormalizeLanguage(request.Language);
            violations.Check(language is not null, "language", "is not a BCP 47 language tag such as \"es\"");
        }

        violations.ThrowIfAny();
        var filter = new ContactFilter(
            state,
            request.Role == ContactRole.Unspecified ? null : (Domain.ContactRole)(int)request.Role,
            instrument.Length > 0 ? instrument : null,
            language,
            request.IncludeRetired);
        var (items, next) = await contacts.ListAsync(filter, page, context.CancellationToken);
        var personal = context.GetCaller().MayReadPersonalData;
        var response = new ListContactsResponse { NextPageToken = next };
        response.Contacts.AddRange(items.Select(c => ToMessage(c, personal)));
        return response;
    }

    public override async Task<GetContactHistoryResponse> GetContactHistory(GetContactHistoryRequest request, ServerCallContext context)
    {
        var revisions = await contacts.HistoryAsync(request.Name, context.CancellationToken);
        var personal = context.GetCaller().MayReadPersonalData;
        var response = new GetContactHistoryResponse();
        response.Revisions.AddRange(revisions.Select(r => new ContactRevision
        {
            Revision = r.Revision,
            Kind = (RevisionKind)(int)r.Kind,
            ChangedBy = r.ChangedBy,
            ChangeTime = Timestamp.FromDateTime(r.RecordedAt),
            Reason = r.Reason,
            ChangedFields = { r.ChangedFields },
            Contact = ToMessage(SnapshotOf(r), personal),
            Sequence = r.Sequence,
        }));
        return response;
    }

    public override async Task<GetDirectoryResponse> GetDirectory(GetDirectoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var recordedAsOf = violations.Try(() => request.RecordedAsOf.ToDateOnlyOrNull("recorded_as_of")) ?? asOf;
        violations.ThrowIfAny();

        var snapshot = await contacts.DirectoryAsync(state, asOf, recordedAsOf, context.CancellationToken);
        var personal = context.GetCaller().MayReadPersonalData;
        var response = new GetDirectoryResponse { AsOf = asOf.ToProto(), RecordedAsOf = recordedAsOf.ToProto(), Sequence = snapshot.Sequence };
        response.Contacts.AddRange(snapshot.Contacts.Select(c => ToMessage(c, personal)));
        return response;
    }

    public override async Task<ListChangeRequestsResponse> ListChangeRequests(ListChangeRequestsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Status), "status", "is not a ChangeRequestStatus");
        violations.ThrowIfAny();

        var filter = new ChangeRequestFilter(
            state,
            request.Status == ChangeRequestStatus.Unspecified ? null : (Domain.ChangeRequestStatus)(int)request.Status,
            request.SourceMeetingId.Length > 0 ? request.SourceMeetingId.Trim() : null,
            request.OverdueOnly);
        var (items, next) = await changeRequests.ListAsync(filter, page, context.CancellationToken);
        var response = new ListChangeRequestsResponse { NextPageToken = next };
        response.ChangeRequests.AddRange(items.Select(ToMessage));
        return response;
    }

    public override async Task<OpenChangeRequestResponse> OpenChangeRequest(OpenChangeRequestRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var message = request.ChangeRequest ?? new ChangeRequest();
        var draft = new ChangeRequestDraft(
            message.StateCode,
            (Domain.ContactRole)(int)message.Role,
            message.Description,
            message.SourceMeetingId,
            message.SourceDocument,
            violations.Try(() => message.OpenedOn.ToDateOnlyOrNull("change_request.opened_on")),
            violations.Try(() => message.DueOn.ToDateOnlyOrNull("change_request.due_on")));
        var opened = await changeRequests.OpenAsync(draft, request.RequestId, context.GetCaller(), violations, context.CancellationToken);
        return new OpenChangeRequestResponse { ChangeRequest = ToMessage(opened) };
    }

    // Bounded by the reader's deadline or cancellation, not by the server's default call timeout.
    [DisableRequestTimeout]
    public override async Task ExportDirectory(ExportDirectoryRequest request, IServerStreamWriter<ExportDirectoryResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Format), "format", "is not an ExportFormat");
        violations.ThrowIfAny();

        var format = request.Format == ExportFormat.JsonLines ? Domain.ExportFormat.JsonLines : Domain.ExportFormat.Csv;
        var export = new DirectoryExport(format, context.GetCaller().MayReadPersonalData);
        var ct = context.CancellationToken;
        long line = 0;
        if (export.Header() is { } header)
        {
            await responseStream.WriteAsync(new ExportDirectoryResponse { Line = header, LineNumber = ++line }, ct);
        }

        // One row per message, each awaited: a slow reader slows the export down, nothing piles up.
        await foreach (var contact in changeLog.ContactsAsync(state, request.IncludeRetired, options.Value.ExportPageSize, ct))
        {
            await responseStream.WriteAsync(new ExportDirectoryResponse { Line = export.Line(contact), LineNumber = ++line }, ct);
        }
    }

    // A watch lasts as long as the watcher wants it: it ends when the call is cancelled.
    [DisableRequestTimeout]
    public override async Task WatchDirectory(WatchDirectoryRequest request, IServerStreamWriter<WatchDirectoryResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.AfterSequence >= 0, "after_sequence", "must not be negative");
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.ThrowIfAny();

        if (!watchSlots.TryEnter())
        {
            throw new QuotaExceededException("the watchers of this replica", TimeSpan.FromSeconds(5));
        }

        try
        {
            // Headers first: the watcher knows its stream is established before any change arrives.
            await context.WriteResponseHeadersAsync([]);
            var personal = context.GetCaller().MayReadPersonalData;
            var settings = options.Value;
            var after = request.AfterSequence;
            var ct = context.CancellationToken;
            while (!ct.IsCancellationRequested)
            {
                // Taken before reading, so a change committed during the read still wakes us.
                var nextChange = changeSignal.NextChange;
                var batch = await changeLog.ReadAfterAsync(after, state, settings.WatchBatchSize, ct);
                foreach (var revision in batch)
                {
                    await responseStream.WriteAsync(new WatchDirectoryResponse
                    {
                        Sequence = revision.Sequence,
                        Kind = (RevisionKind)(int)revision.Kind,
                        ChangeTime = Timestamp.FromDateTime(revision.RecordedAt),
                        ChangedFields = { revision.ChangedFields },
                        Contact = ToMessage(SnapshotOf(revision), personal),
                    }, ct);
                    after = revision.Sequence;
                }

                if (batch.Count < settings.WatchBatchSize)
                {
                    // Woken by a write on any replica (over the replica bus), or after the poll interval.
                    try
                    {
                        await nextChange.WaitAsync(settings.WatchPollInterval, ct);
                    }
                    catch (TimeoutException)
                    {
                        // Nothing here; look again in the log.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away or its deadline passed: the stream simply ends.
        }
        finally
        {
            watchSlots.Release();
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
        Domain.ContactRole? role = request.Role == ContactRole.Unspecified ? null : (Domain.ContactRole)(int)request.Role;
        var states = (await register.ListAsync(ct))
            .Where(s => s.IsMemberOn(asOf) && (state is null || s.Code == state))
            .OrderBy(s => s.NameEn, StringComparer.Ordinal)
            .ToList();
        var snapshot = await contacts.DirectoryAsync(state, asOf, asOf, ct);
        var shown = snapshot.Contacts.Where(c => role is null || c.Role == role).ToList();

        // The requests awaited on that day: opened by then, and not resolved by then.
        var awaited = new List<Domain.ChangeRequest>();
        var page = new PageRequest(PageRequest.MaxSize, null);
        while (true)
        {
            var (items, next) = await changeRequests.ListAsync(new ChangeRequestFilter(state, null, null, false), page, ct);
            awaited.AddRange(items.Where(r => r.OpenedOn <= asOf && (r.ResolvedOn is null || r.ResolvedOn > asOf) && (role is null || r.Role == role)));
            if (next.Length == 0)
            {
                break;
            }

            page = PageRequest.From(PageRequest.MaxSize, next);
        }

        var document = new DirectoryDocument(
            request.Format == DocumentFormat.PlainText ? Domain.DocumentFormat.PlainText : Domain.DocumentFormat.Markdown,
            context.GetCaller().MayReadPersonalData);
        return new RenderDirectoryResponse { Document = document.Render(asOf, role, states, shown, awaited), MediaType = document.MediaType };
    }

    internal static MemberState ToMessage(MemberStateInfo state, DateOnly asOf)
    {
        var message = new MemberState
        {
            Code = state.Code,
            Iso2 = state.Iso2,
            NameEn = state.NameEn,
            NameEs = state.NameEs,
            AsOf = asOf.ToProto(),
            Participation = ToMessage(state.ParticipationOn(asOf)),
            Member = state.IsMemberOn(asOf),
            CountedInReports = state.CountsOn(asOf),
        };
        message.MembershipPeriods.AddRange(state.Periods.Select(p => new MembershipPeriod
        {
            Status = ToMessage(p.Status),
            StartDate = p.From.ToProto(),
            EndDate = p.To.ToProto(),
            Basis = p.Basis,
        }));
        return message;
    }

    /// <summary>A contact as the caller may see it: personal fields only for callers that may read them.</summary>
    internal static Contact ToMessage(Domain.Contact contact, bool mayReadPersonalData)
    {
        ContactDetails details = mayReadPersonalData ? contact : contact.WithoutPersonalData();
        var message = new Contact
        {
            Name = contact.Name,
            StateCode = details.StateCode,
            Role = (ContactRole)(int)details.Role,
            InstrumentId = details.InstrumentId,
            Institution = details.Institution,
            Office = details.Office,
            Person = details.Person,
            Title = details.Title,
            Emails = { details.Emails },
            Phones = { details.Phones },
            PostalAddress = details.PostalAddress,
            Languages = { details.Languages },
            ValidFrom = details.ValidFrom.ToProto(),
            ValidTo = details.ValidTo.ToProto(),
            LastVerified = details.LastVerified.ToProto(),
            Etag = contact.Etag,
            Channels = { details.Channels.Select(c => (ContactChannel)(int)c) },
            OfficeHours = details.OfficeHours,
            TimeZone = details.TimeZone,
            SourceDocument = details.SourceDocument,
            Retired = details.Retired,
            Revision = contact.Revision,
            UpdateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(contact.UpdatedAt, DateTimeKind.Utc)),
        };
        return message;
    }

    private static ChangeRequest ToMessage(Domain.ChangeRequest request) => new()
    {
        Name = request.Name,
        StateCode = request.StateCode,
        Role = (ContactRole)(int)request.Role,
        Description = request.Description,
        SourceMeetingId = request.SourceMeetingId,
        SourceDocument = request.SourceDocument,
        OpenedOn = request.OpenedOn.ToProto(),
        DueOn = request.DueOn.ToProto(),
        Status = (ChangeRequestStatus)(int)request.Status,
        ResolvedOn = request.ResolvedOn.ToProto(),
        ResolvedByContact = request.ResolvedByContactId.Length > 0 ? Domain.Contact.NamePrefix + request.ResolvedByContactId : "",
    };

    private static Domain.Contact SnapshotOf(Domain.ContactRevision revision) =>
        revision.Snapshot.CopyTo(new Domain.Contact { Id = revision.ContactId, Revision = revision.Revision, UpdatedAt = revision.RecordedAt });

    private static ContactDetails ToDetails(Contact? message, FieldViolations violations)
    {
        message ??= new Contact();
        return new ContactDetails
        {
            StateCode = message.StateCode,
            Role = (Domain.ContactRole)(int)message.Role,
            InstrumentId = message.InstrumentId,
            Institution = message.Institution,
            Office = message.Office,
            Person = message.Person,
            Title = message.Title,
            Emails = [.. message.Emails],
            Phones = [.. message.Phones],
            PostalAddress = message.PostalAddress,
            Languages = [.. message.Languages],
            Channels = [.. message.Channels.Select(c => (Domain.ContactChannel)(int)c)],
            OfficeHours = message.OfficeHours,
            TimeZone = message.TimeZone,
            ValidFrom = violations.Try(() => message.ValidFrom.ToDateOnlyOrNull("contact.valid_from")),
            ValidTo = violations.Try(() => message.ValidTo.ToDateOnlyOrNull("contact.valid_to")),
            LastVerified = violations.Try(() => message.LastVerified.ToDateOnlyOrNull("contact.last_verified")),
            SourceDocument = message.SourceDocument,
        };
    }

    private async Task<string?> OptionalStateAsync(string code, string field, FieldViolations violations, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null : await violations.TryAsync(() => register.EnsureMemberAsync(code, field, ct));

    private static Participation ToMessage(MemberStates.Participation participation) => participation switch
    {
        MemberStates.Participation.Participating => Participation.Participating,
        MemberStates.Participation.Suspended => Participation.Suspended,
        MemberStates.Participation.NotParticipating => Participation.NotParticipating,
        MemberStates.Participation.Withdrawn => Participation.Withdrawn,
        _ => Participation.Unspecified,
    };
}
