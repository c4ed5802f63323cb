using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data.Seeders;

/// <summary>
/// Loads the meetings the seed report describes (Data/Seed/meetings.json) and their documents. The
/// seed is checked first (<see cref="MeetingsSeedFile"/>): a record naming a speaker, intervention,
/// component or document that does not exist stops the import.
/// <para>
/// Each meeting of the seed carries a revision. A meeting missing from the database is added; one
/// stored from an earlier revision has its records (sessions, agenda, participants, elections,
/// interventions, components, proposals) replaced by the seed's, so a correction of the seed reaches
/// databases loaded before it. Its follow-ups are updated in place: what the seed says of them
/// (description, session, addressee) is taken, while their status, owner and due date, once the
/// secretariat has changed them, are kept. A meeting stored at the seed's revision is left as it is,
/// so a restart changes nothing.
/// </para>
/// </summary>
public sealed partial class MeetingRecordsSeeder(MeetingsDbContext db, HybridCache cache, TimeProvider clock, ILogger<MeetingRecordsSeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seed = await MeetingsSeedFile.ReadAsync(clock, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var documents = await AddMissingDocumentsAsync(seed.Documents, cancellationToken);
        var stored = await db.Meetings.Include(m => m.FollowUps).ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        var (added, replaced) = (0, 0);
        foreach (var meeting in seed.Meetings)
        {
            if (!stored.TryGetValue(meeting.Id, out var current))
            {
                db.Meetings.Add(meeting);
                added++;
            }
            else if (current.SeedRevision < meeting.SeedRevision)
            {
                await ReplaceRecordsAsync(current, meeting, cancellationToken);
                replaced++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (documents + added + replaced > 0)
        {
            await cache.RemoveByTagAsync([MeetingRecords.AllMeetingsTag, DocumentRegistry.CacheTag], cancellationToken);
        }

        LogImported(logger, seed.Meetings.Count, seed.Documents.Count, documents, added, replaced);
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

    /// <summary>The stored meeting takes the seed's fields and records; its follow-ups keep what the secretariat changed.</summary>
    private async Task ReplaceRecordsAsync(Meeting current, Meeting seeded, CancellationToken cancellationToken)
    {
        var id = current.Id;
        await db.Set<Session>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<AgendaItem>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Participant>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Election>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Intervention>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<WorkProgramComponent>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Proposal>().Where(x => x.MeetingId == id).ExecuteDeleteAsync(cancellationToken);

        db.Entry(current).CurrentValues.SetValues(seeded);
        db.AddRange(seeded.Sessions);
        db.AddRange(seeded.AgendaItems);
        db.AddRange(seeded.Participants);
        db.AddRange(seeded.Elections);
        db.AddRange(seeded.Interventions);
        db.AddRange(seeded.Components);
        db.AddRange(seeded.Proposals);

        foreach (var followUp in seeded.FollowUps)
        {
            var stored = current.FollowUps.FirstOrDefault(f => f.Id == followUp.Id);
            if (stored is null)
            {
                current.FollowUps.Add(followUp);
                continue;
            }

            var changedBySecretariat = stored.UpdatedAt is not null;
            var before = (stored.Kind, stored.Description, stored.Addressee, stored.SessionOrdinal, stored.Sequence, stored.Status, stored.Owner, stored.DueDate);
            stored.Kind = followUp.Kind;
            stored.Description = followUp.Description;
            stored.Addressee = followUp.Addressee;
            stored.SessionOrdinal = followUp.SessionOrdinal;
            stored.Sequence = followUp.Sequence;
            if (!changedBySecretariat)
            {
                (stored.Status, stored.Owner, stored.DueDate) = (followUp.Status, followUp.Owner, followUp.DueDate);
            }

            if (before != (stored.Kind, stored.Description, stored.Addressee, stored.SessionOrdinal, stored.Sequence, stored.Status, stored.Owner, stored.DueDate))
            {
                stored.Etag = MeetingStore.NewEtag();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meetings seed: {Meetings} meetings and {Documents} documents read; {DocumentsAdded} documents added, {MeetingsAdded} meetings added, {MeetingsReplaced} meetings brought to the seed's revision")]
    private static partial void LogImported(ILogger logger, int meetings, int documents, int documentsAdded, int meetingsAdded, int meetingsReplaced);
}
