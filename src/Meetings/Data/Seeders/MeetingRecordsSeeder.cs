using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data.Seeders;

/// <summary>
/// Loads the meetings the seed report describes (Data/Seed/meetings.json) and their documents.
/// Idempotent: a record already present (by its key) is left as it is, so later changes (e.g. a
/// follow-up's status) survive a restart; only what is missing is added. The seed is checked first:
/// a record naming a speaker, intervention, component or document that does not exist stops the import.
/// </summary>
public sealed partial class MeetingRecordsSeeder(MeetingsDbContext db, HybridCache cache, ILogger<MeetingRecordsSeeder> logger) : IDataSeeder
{
    public static string SeedFile => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "meetings.json");

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seed = await ReadAsync(cancellationToken);
        var added = 0;

        var symbols = await db.Documents.Select(d => d.Symbol).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var document in seed.Documents)
        {
            if (symbols.Add(document.Symbol))
            {
                db.Documents.Add(document);
                added++;
            }
        }

        var existing = await db.Meetings.AsSplitQuery()
            .Include(m => m.Sessions).Include(m => m.AgendaItems).Include(m => m.Participants)
            .Include(m => m.Elections).Include(m => m.Interventions).Include(m => m.Components)
            .Include(m => m.Proposals).Include(m => m.FollowUps)
            .ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var meeting in seed.Meetings)
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

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await cache.RemoveByTagAsync([MeetingRecords.AllMeetingsTag, DocumentRegistry.CacheTag], cancellationToken);
        }

        LogImported(logger, seed.Meetings.Count, seed.Documents.Count, added);
    }

    /// <summary>Reads and checks the seed; every symbol normalized, every reference resolved.</summary>
    internal static async Task<SeedFileContent> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(SeedFile);
        var seed = await JsonSerializer.DeserializeAsync<SeedFileContent>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException("meetings.json is empty.");
        var now = TimeProvider.System.StoredNow();
        foreach (var document in seed.Documents)
        {
            var symbol = Parse(document.Symbol, "documents");
            document.Symbol = symbol.Normalized;
            document.BaseSymbol = symbol.BaseSymbol;
            document.AmendsSymbol = symbol.AmendsSymbol;
            document.Etag = MeetingStore.NewEtag();
            document.RegisteredBy = "seed";
            document.RegisteredAt = now;
        }

        foreach (var meeting in seed.Meetings)
        {
            Check(meeting);
        }

        return seed;
    }

    private static void Check(Meeting meeting)
    {
        void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new InvalidDataException($"meetings.json, meeting {meeting.Id}: {what}");
            }
        }

        if (meeting.MandateSymbol.Length > 0)
        {
            meeting.MandateSymbol = Parse(meeting.MandateSymbol, meeting.Id).Normalized;
        }

        if (meeting.ParticipantsDocument.Length > 0)
        {
            meeting.ParticipantsDocument = Parse(meeting.ParticipantsDocument, meeting.Id).Normalized;
        }

        if (meeting.WorkProgramSymbol.Length > 0)
        {
            meeting.WorkProgramSymbol = Parse(meeting.WorkProgramSymbol, meeting.Id).Normalized;
        }

        var participants = meeting.Participants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var sessions = meeting.Sessions.Select(s => s.Ordinal).ToHashSet();
        var components = meeting.Components.Select(c => c.Number).ToHashSet(StringComparer.Ordinal);
        var proposals = meeting.Proposals.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var sequences = meeting.Interventions.Select(i => i.Sequence)
            .Concat(meeting.Elections.Select(e => e.Sequence))
            .Concat(meeting.FollowUps.Where(f => f.Sequence > 0).Select(f => f.Sequence)).ToList();
        Require(sequences.Count == sequences.Distinct().Count(), "two events share a sequence number");
        var interventions = meeting.Interventions.Select(i => i.Sequence).ToHashSet();

        foreach (var i in meeting.Interventions)
        {
            i.MeetingId = meeting.Id;
            Require(i.Speaker.Length == 0 || participants.Contains(i.Speaker), $"intervention {i.Sequence} names unknown speaker '{i.Speaker}'");
            Require(sessions.Contains(i.SessionOrdinal), $"intervention {i.Sequence} names unknown session {i.SessionOrdinal}");
            Require(i.ComponentNumbers.All(components.Contains), $"intervention {i.Sequence} names an unknown component");
            Require(i.ComponentNumbers.Count == 0 || i.ComponentStance != Stance.None, $"intervention {i.Sequence} names components without a stance");
            Require(i.Supports == 0 || interventions.Contains(i.Supports), $"intervention {i.Sequence} supports unknown intervention {i.Supports}");
            Require(i.Answers == 0 || interventions.Contains(i.Answers), $"intervention {i.Sequence} answers unknown intervention {i.Answers}");
            Require(i.ProposalId is null || proposals.Contains(i.ProposalId), $"intervention {i.Sequence} names unknown proposal '{i.ProposalId}'");
            i.DocumentSymbols = [.. i.DocumentSymbols.Select(s => Parse(s, meeting.Id).Normalized)];
        }

        foreach (var e in meeting.Elections)
        {
            e.MeetingId = meeting.Id;
            Require(new[] { e.Nominee, e.NominatedBy, e.SecondedBy }.All(participants.Contains), $"election {e.Sequence} names an unknown participant");
        }

        foreach (var p in meeting.Proposals)
        {
            p.MeetingId = meeting.Id;
            Require(p.ProposedBy.Concat(p.SupportedBy).All(participants.Contains), $"proposal {p.Id} names an unknown participant");
            Require(p.Interventions.All(interventions.Contains), $"proposal {p.Id} names an unknown intervention");
        }

        foreach (var c in meeting.Components)
        {
            c.MeetingId = meeting.Id;
            Require(c.ConsideredWith.All(components.Contains), $"component {c.Number} is considered with an unknown component");
        }

        foreach (var f in meeting.FollowUps)
        {
            f.MeetingId = meeting.Id;
            f.Etag = MeetingStore.NewEtag();
        }

        meeting.Sessions.ForEach(s => s.MeetingId = meeting.Id);
        meeting.AgendaItems.ForEach(a => a.MeetingId = meeting.Id);
        meeting.Participants.ForEach(p => p.MeetingId = meeting.Id);
    }

    private static DocumentSymbol Parse(string symbol, string where)
    {
        try
        {
            return DocumentSymbol.Parse(symbol);
        }
        catch (ValidationException e)
        {
            throw new InvalidDataException($"meetings.json ({where}): \"{symbol}\": {e.Violations[0].Description}");
        }
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

    internal sealed class SeedFileContent
    {
        public string Source { get; set; } = "";
        public List<Document> Documents { get; set; } = [];
        public List<Meeting> Meetings { get; set; } = [];
    }
}
