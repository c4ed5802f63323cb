using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Application;

/// <summary>Change requests: opened by the Secretariat or the state, resolved by the state's next contact change.</summary>
public sealed partial class ChangeRequestStore(
    DirectoryDbContext db,
    HybridCache cache,
    MemberStateRegister register,
    OverdueChangeRequests overdue,
    IdempotentWrites writes,
    IOptions<DirectoryOptions> options,
    TimeProvider clock,
    ILogger<ChangeRequestStore> logger)
{
    public async Task<(List<ChangeRequest> Page, string NextPageToken)> ListAsync(ChangeRequestFilter filter, PageRequest page, CancellationToken ct)
    {
        var today = clock.Today();
        long after = 0;
        if (page.After is not null && !long.TryParse(page.After, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after))
        {
            throw new ValidationException("page_token", "is not a token this service issued");
        }

        var key = $"change-requests:{filter.StateCode}|{filter.Status}|{filter.SourceMeetingId}|{filter.OverdueOnly}|{today:yyyy-MM-dd}|{page.Size}|{after}";
        var window = await cache.GetOrCreateAsync(
            key,
            (db, filter, after, size: page.Size, today),
            static async (s, token) =>
            {
                var query = s.db.ChangeRequests.AsNoTracking().Where(r => r.Id > s.after);
                if (s.filter.StateCode is not null)
                {
                    query = query.Where(r => r.StateCode == s.filter.StateCode);
                }

                if (s.filter.Status is { } status)
                {
                    query = query.Where(r => r.Status == status);
                }

                if (s.filter.SourceMeetingId is not null)
                {
                    query = query.Where(r => r.SourceMeetingId == s.filter.SourceMeetingId);
                }

                if (s.filter.OverdueOnly)
                {
                    query = query.Where(r => r.Status == ChangeRequestStatus.Open && r.DueOn < s.today);
                }

                return await query.OrderBy(r => r.Id).Take(s.size + 1).ToListAsync(token);
            },
            DirectoryCacheTags.Entry,
            [DirectoryCacheTags.ChangeRequests],
            ct);
        var hasMore = window.Count > page.Size;
        var items = window.Take(page.Size).ToList();
        return (items, PageRequest.NextToken(items.Count > 0 ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, hasMore));
    }

    public async Task<ChangeRequest> OpenAsync(ChangeRequestDraft draft, IdempotencyKey? key, Caller caller, FieldViolations violations, CancellationToken ct)
    {
        caller.EnsureAuthenticated("open a change request");
        var state = violations.Try(() => StateCodes.Normalize(draft.StateCode, "change_request.state_code"));
        if (state is not null)
        {
            caller.EnsureMayWriteFor(state, "open a change request");
            state = await register.CheckVerifiedMemberAsync(state, "change_request.state_code", violations, ct);
        }

        key = RequestIds.Normalize(key, violations);
        var request = Validate(draft with { StateCode = state ?? "" }, violations);
        violations.ThrowIfAny();

        request.OpenedBy = caller.Agency ?? "";
        return await SaveAsync(request, key, ct);
    }

    /// <summary>Records a request from the service's reference data, once (its request id is its key).</summary>
    internal async Task<bool> SeedAsync(ChangeRequestDraft draft, string requestId, string openedBy, CancellationToken ct)
    {
        if (await db.ChangeRequests.AnyAsync(r => r.RequestId == requestId, ct))
        {
            return false;
        }

        var violations = new FieldViolations();
        var request = Validate(draft, violations);
        if (violations.Any)
        {
            throw new InvalidDataException($"Change request {requestId} in the reference data is not valid: {string.Join("; ", violations.Items)}");
        }

        request.RequestId = requestId;
        request.OpenedBy = openedBy;
        await SaveAsync(request, null, ct);
        return true;
    }

    private ChangeRequest Validate(ChangeRequestDraft draft, FieldViolations violations)
    {
        const string prefix = "change_request.";
        violations.Check(draft.Role != ContactRole.Unspecified && Enum.IsDefined(draft.Role), prefix + "role", "is required: the role whose contacts the state announced");
        var description = draft.Description.Trim();
        violations.Required(description, prefix + "description");
        violations.MaxLength(description, 2000, prefix + "description");
        var meeting = draft.SourceMeetingId.Trim();
        violations.Check(meeting.Length == 0 || MeetingId().IsMatch(meeting), prefix + "source_meeting_id", "is a meeting id such as \"gtdot-ii\" (lower-case letters, digits and hyphens)");
        var document = draft.SourceDocument.Trim();
        violations.MaxLength(document, 100, prefix + "source_document");
        var today = clock.Today();
        var openedOn = draft.OpenedOn ?? today;
        violations.Check(openedOn <= today, prefix + "opened_on", "must not be in the future");
        var dueOn = draft.DueOn ?? openedOn.AddDaysClamped(options.Value.ChangeRequestFollowUpDays);
        violations.Check(dueOn >= openedOn, prefix + "due_on", "must not be before opened_on");
        return new ChangeRequest
        {
            StateCode = draft.StateCode,
            Role = draft.Role,
            Description = description,
            SourceMeetingId = meeting,
            SourceDocument = document,
            OpenedOn = openedOn,
            DueOn = dueOn,
            Status = ChangeRequestStatus.Open,
        };
    }

    private async Task<ChangeRequest> SaveAsync(ChangeRequest request, IdempotencyKey? key, CancellationToken ct)
    {
        if (await writes.EarlierResultAsync(key, ct) is { } earlier)
        {
            return await LoadAsync(earlier, ct);
        }

        request.RecordedAt = clock.StoredUtcNow();
        db.ChangeRequests.Add(request);
        // A concurrent call with the same request id committed first: answer with what it opened.
        if (await writes.SaveChangesAsync(key, () => request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) is { } winner)
        {
            return await LoadAsync(winner, ct);
        }

        await cache.RemoveByTagAsync(DirectoryCacheTags.ChangeRequests, ct);
        overdue.Invalidate();
        LogOpened(logger, request.Name, request.StateCode, request.Role, request.SourceMeetingId);
        return request;
    }

    private Task<ChangeRequest> LoadAsync(string recorded, CancellationToken ct)
    {
        var id = long.Parse(recorded, System.Globalization.CultureInfo.InvariantCulture);
        return db.ChangeRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex MeetingId();

    [LoggerMessage(Level = LogLevel.Information, Message = "Change request {Request} opened for {State} ({Role}), meeting '{Meeting}'")]
    private static partial void LogOpened(ILogger logger, string request, string state, ContactRole role, string meeting);
}
