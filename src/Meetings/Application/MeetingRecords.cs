using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Application;

/// <summary>
/// Reads of the meetings' records, cached per meeting (tag <c>meeting:{id}</c>) and as a whole
/// (tag <see cref="AllMeetingsTag"/>); the follow-up update invalidates both.
/// </summary>
public sealed class MeetingRecords(IMeetingStore store, HybridCache cache, TimeProvider clock)
{
    public const string AllMeetingsTag = "meetings";

    public static string MeetingTag(string id) => $"meeting:{id}";

    public async Task<IReadOnlyList<Meeting>> ListAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            "meetings:all:v1",
            store,
            static async (s, ct) => (await s.LoadMeetingsAsync(ct)).ToList(),
            tags: [AllMeetingsTag],
            cancellationToken: cancellationToken);

    /// <summary>The meeting, by short id ("gtdot-ii") or resource name ("meetings/gtdot-ii").</summary>
    public async Task<Meeting> GetAsync(string? meetingId, CancellationToken cancellationToken, string field = "meeting_id")
    {
        var id = NormalizeId(meetingId, field);
        var meeting = await cache.GetOrCreateAsync(
            $"meeting:{id}:v1",
            (store, id),
            static async (state, ct) => await state.store.LoadMeetingAsync(state.id, ct),
            tags: [AllMeetingsTag, MeetingTag(id)],
            cancellationToken: cancellationToken);
        return meeting ?? throw new NotFoundException("meeting", $"meetings/{id}");
    }

    public static string NormalizeId(string? meetingId, string field)
    {
        var id = (meetingId ?? "").Trim();
        if (id.StartsWith("meetings/", StringComparison.Ordinal))
        {
            id = id["meetings/".Length..];
        }

        if (id.Length == 0)
        {
            throw new ValidationException(field, "is required, e.g. \"gtdot-ii\"");
        }

        if (id.Length > 40 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ValidationException(field, "must be a meeting id of lower-case letters, digits and hyphens, e.g. \"gtdot-ii\"");
        }

        return id;
    }

    /// <summary>Changes a follow-up's status, owner or due date; the secretariat only, with the current etag.</summary>
    public async Task<FollowUp> UpdateFollowUpAsync(Caller caller, FollowUpChange change, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat("update a follow-up");
        var violations = new FieldViolations();
        violations.Required(change.Etag, "follow_up.etag");
        violations.Check(change.Fields.Count > 0, "update_mask", "must name at least one of \"status\", \"owner\", \"due_date\"");
        foreach (var field in change.Fields.Where(f => f is not ("status" or "owner" or "due_date")))
        {
            violations.Add("update_mask", $"\"{field}\" cannot be updated; only \"status\", \"owner\" and \"due_date\" can");
        }

        if (change.Fields.Contains("status"))
        {
            violations.Check(change.Status is not null, "follow_up.status", "must be set when the mask names it");
        }

        if (change.Fields.Contains("owner"))
        {
            violations.Required(change.Owner, "follow_up.owner");
            violations.MaxLength(change.Owner, 200, "follow_up.owner");
        }

        violations.ThrowIfAny();

        var meeting = await GetAsync(change.MeetingId, cancellationToken, "follow_up.name");
        if (meeting.FollowUps.All(f => f.Id != change.FollowUpId))
        {
            throw new NotFoundException("follow-up", $"meetings/{meeting.Id}/follow-ups/{change.FollowUpId}");
        }

        var updated = await store.UpdateFollowUpAsync(meeting.Id, change.FollowUpId, change.Etag, f =>
        {
            if (change.Fields.Contains("status"))
            {
                f.Status = change.Status!.Value;
            }

            if (change.Fields.Contains("owner"))
            {
                f.Owner = change.Owner!.Trim();
            }

            if (change.Fields.Contains("due_date"))
            {
                f.DueDate = change.DueDate;
            }

            f.UpdatedBy = caller.Agency;
            f.UpdatedAt = clock.StoredNow();
        }, cancellationToken) ?? throw new NotFoundException("follow-up", $"meetings/{meeting.Id}/follow-ups/{change.FollowUpId}");

        await cache.RemoveByTagAsync(MeetingTag(meeting.Id), cancellationToken);
        await cache.RemoveByTagAsync(AllMeetingsTag, cancellationToken);
        return updated;
    }
}
