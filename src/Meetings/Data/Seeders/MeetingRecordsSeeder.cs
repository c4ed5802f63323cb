using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data.Seeders;

/// <summary>
/// Loads the meetings the seed report describes (Data/Seed/meetings.json) and their documents.
/// Idempotent: a record already present (by its key) is left as it is, so later changes (e.g. a
/// follow-up's status) survive a restart; only what is missing is added. The seed is checked first
/// (<see cref="MeetingsSeedFile"/>): a record naming a speaker, intervention, component or document
/// that does not exist stops the import.
/// </summary>
public sealed partial class MeetingRecordsSeeder(MeetingsDbContext db, HybridCache cache, TimeProvider clock, ILogger<MeetingRecordsSeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seed = await MeetingsSeedFile.ReadAsync(clock, cancellationToken);
        var added = await AddMissingDocumentsAsync(seed.Documents, cancellationToken)
            + await AddMissingMeetingRecordsAsync(seed.Meetings, cancellationToken);

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await cache.RemoveByTagAsync([MeetingRecords.AllMeetingsTag, DocumentRegistry.CacheTag], cancellationToken);
        }

        LogImported(logger, seed.Meetings.Count, seed.Documents.Count, added);
    }

    private async Task<int> AddMissingDocumentsAsync(List<Document> documents, CancellationToken cancellationToken)
    {
        var added = 0;
        var symbols = await db.Documents.Select(d => d.Symbol).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var document in documents)
        {
            if (symbols.Add(document.Symbol))
            {
                db.Documents.Add(document);
                added++;
            }
        }

        return added;
    }

    /// <summary>Adds each meeting that is missing, and to each stored meeting the records it is missing.</summary>
    private async Task<int> AddMissingMeetingRecordsAsync(List<Meeting> meetings, CancellationToken cancellationToken)
    {
        var added = 0;
        var existing = await db.Meetings.AsSplitQuery()
            .Include(m => m.Sessions).Include(m => m.AgendaItems).Include(m => m.Participants)
            .Include(m => m.Elections).Include(m => m.Interventions).Include(m => m.Components)
            .Include(m => m.Proposals).Include(m => m.FollowUps)
            .ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var meeting in meetings)
        {
            if (!existing.TryGetValue(meeting.Id, out var stored))
            {
                db.Meetings.Add(meeting);
                added += 1 + meeting.Sessions.Count + meeting.AgendaItems.Count + meeting.Participants.Count + meeting.Elections.Count
                    + meeting.Interventions.Count + meeting.Components.Count + meeting.Proposals.Count + meeting.FollowUps.Count;
                continue;
            }

            added += AddMissing(stored.Sessions, meeting.Sessions, s => s.Ordinal);
            added += AddMissing(stored.AgendaItems, meeting.AgendaItems, a => a.Ordinal);
            added += AddMissing(stored.Participants, meeting.Participants, p => p.Id);
            added += AddMissing(stored.Elections, meeting.Elections, e => e.Sequence);
            added += AddMissing(stored.Interventions, meeting.Interventions, i => i.Sequence);
            added += AddMissing(stored.Components, meeting.Components, c => c.Number);
            added += AddMissing(stored.Proposals, meeting.Proposals, p => p.Id);
            added += AddMissing(stored.FollowUps, meeting.FollowUps, f => f.Id);
        }

        return added;
    }

    private static int AddMissing<T, TKey>(List<T> stored, List<T> seeded, Func<T, TKey> key)
    {
        var keys = stored.Select(key).ToHashSet();
        var missing = seeded.Where(s => !keys.Contains(key(s))).ToList();
        stored.AddRange(missing);
        return missing.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meetings seed: {Meetings} meetings and {Documents} documents read; {Added} records added")]
    private static partial void LogImported(ILogger logger, int meetings, int documents, int added);
}
