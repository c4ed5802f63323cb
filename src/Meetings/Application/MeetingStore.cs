using Microsoft.EntityFrameworkCore;
using TocMesh.Meetings.Data;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Application;

public sealed class MeetingStore(MeetingsDbContext db, IdempotentWrites writes) : IMeetingStore
{
    private IQueryable<Meeting> Meetings => db.Meetings.AsNoTracking().AsSplitQuery()
        .Include(m => m.Sessions).Include(m => m.AgendaItems).Include(m => m.Participants)
        .Include(m => m.Elections).Include(m => m.Interventions).Include(m => m.Components)
        .Include(m => m.Proposals).Include(m => m.FollowUps);

    public async Task<IReadOnlyList<Meeting>> LoadMeetingsAsync(CancellationToken cancellationToken) =>
        (await Meetings.ToListAsync(cancellationToken)).Select(Ordered).OrderBy(m => m.StartDate).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    public async Task<Meeting?> LoadMeetingAsync(string id, CancellationToken cancellationToken) =>
        await Meetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } meeting ? Ordered(meeting) : null;

    public async Task<FollowUp?> UpdateFollowUpAsync(string meetingId, string id, string expectedEtag, Action<FollowUp> change, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.MeetingId == meetingId && f.Id == id, cancellationToken);
        if (followUp is null)
        {
            return null;
        }

        if (followUp.Etag != expectedEtag)
        {
            throw new EtagMismatchException("follow-up", $"meetings/{meetingId}/follow-ups/{id}");
        }

        change(followUp);
        followUp.Etag = NewEtag();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EtagMismatchException("follow-up", $"meetings/{meetingId}/follow-ups/{id}");
        }

        return followUp;
    }

    public Task<Document?> FindDocumentAsync(string symbol, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Symbol == symbol, cancellationToken);

    public Task<string?> EarlierDocumentAsync(IdempotencyKey? key, CancellationToken cancellationToken) =>
        writes.EarlierResultAsync(key, cancellationToken);

    public async Task<IReadOnlyList<Document>> ListDocumentsAsync(string? meetingId, string? baseSymbol, string? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        if (meetingId is not null)
        {
            query = query.Where(d => d.MeetingId == meetingId);
        }

        if (baseSymbol is not null)
        {
            query = query.Where(d => d.BaseSymbol == baseSymbol);
        }

        if (after is not null)
        {
            query = query.Where(d => string.Compare(d.Symbol, after) > 0);
        }

        return await query.OrderBy(d => d.Symbol).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAmendmentsAsync(string baseSymbol, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.BaseSymbol == baseSymbol && d.Symbol != baseSymbol)
            .OrderBy(d => d.Symbol).Select(d => d.Symbol).ToListAsync(cancellationToken);

    public async Task<string?> TryAddDocumentAsync(Document document, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        db.Documents.Add(document);
        try
        {
            // A concurrent retry with the same request id may have committed first: its symbol, then.
            return await writes.SaveChangesAsync(key, () => document.Symbol, cancellationToken) ?? document.Symbol;
        }
        catch (DbUpdateException)
        {
            // The unique symbol was taken by a concurrent registration.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    public Task<bool> MeetingExistsAsync(string id, CancellationToken cancellationToken) =>
        db.Meetings.AnyAsync(m => m.Id == id, cancellationToken);

    public static string NewEtag() => Guid.NewGuid().ToString("N");

    private static Meeting Ordered(Meeting m)
    {
        m.Sessions = [.. m.Sessions.OrderBy(s => s.Ordinal)];
        m.AgendaItems = [.. m.AgendaItems.OrderBy(a => a.Ordinal)];
        m.Participants = [.. m.Participants.OrderBy(p => p.Kind).ThenBy(p => p.Id, StringComparer.Ordinal)];
        m.Elections = [.. m.Elections.OrderBy(e => e.Sequence)];
        m.Interventions = [.. m.Interventions.OrderBy(i => i.Sequence)];
        m.Components = [.. m.Components.OrderBy(c => c.Position)];
        m.Proposals = [.. m.Proposals.OrderBy(p => p.Position)];
        m.FollowUps = [.. m.FollowUps.OrderBy(f => f.Sequence == 0 ? int.MaxValue : f.Sequence).ThenBy(f => f.Id, StringComparer.Ordinal)];
        return m;
    }
}
