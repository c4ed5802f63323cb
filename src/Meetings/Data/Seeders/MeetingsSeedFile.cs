using System.Text.Json;
using System.Text.Json.Serialization;
using TocMesh.Meetings.Application;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data.Seeders;

/// <summary>
/// The seed (Data/Seed/meetings.json) as read and checked: every symbol normalized, every reference
/// between a meeting's records resolved, every record stamped with its meeting and a first etag.
/// </summary>
internal sealed class MeetingsSeedFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "meetings.json");

    public string Source { get; set; } = "";

    public List<Document> Documents { get; set; } = [];

    public List<Meeting> Meetings { get; set; } = [];

    /// <summary>
    /// Reads and checks the seed; throws <see cref="InvalidDataException"/> naming the first fault.
    /// The documents are registered by "seed" at <paramref name="clock"/>'s now.
    /// </summary>
    public static async Task<MeetingsSeedFile> ReadAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(FilePath);
        var seed = await JsonSerializer.DeserializeAsync<MeetingsSeedFile>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException("meetings.json is empty.");
        var now = clock.StoredNow();
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
        NormalizeSymbols(meeting);
        var known = KnownRecords.Of(meeting);
        var sequences = meeting.Interventions.Select(i => i.Sequence)
            .Concat(meeting.Elections.Select(e => e.Sequence))
            .Concat(meeting.FollowUps.Where(f => f.Sequence > 0).Select(f => f.Sequence)).ToList();
        Require(meeting, sequences.Count == sequences.Distinct().Count(), "two events share a sequence number");

        CheckInterventions(meeting, known);
        CheckElections(meeting, known);
        CheckProposals(meeting, known);
        CheckComponents(meeting, known);
        StampRecords(meeting);
    }

    private static void NormalizeSymbols(Meeting meeting)
    {
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
    }

    /// <summary>Each intervention names known speakers, sessions, components, proposals and interventions.</summary>
    private static void CheckInterventions(Meeting meeting, KnownRecords known)
    {
        foreach (var i in meeting.Interventions)
        {
            i.MeetingId = meeting.Id;
            Require(meeting, i.Speaker.Length == 0 || known.Participants.Contains(i.Speaker), $"intervention {i.Sequence} names unknown speaker '{i.Speaker}'");
            Require(meeting, i.JointSpeakers.Count == 0 || i.Speaker.Length > 0, $"intervention {i.Sequence} names joint speakers without a speaker");
            Require(meeting, i.JointSpeakers.All(known.Participants.Contains), $"intervention {i.Sequence} names an unknown joint speaker");
            Require(meeting, i.AllSpeakers().Distinct().Count() == i.AllSpeakers().Count, $"intervention {i.Sequence} names a speaker twice");
            Require(meeting, known.Sessions.Contains(i.SessionOrdinal), $"intervention {i.Sequence} names unknown session {i.SessionOrdinal}");
            Require(meeting, i.ComponentNumbers.All(known.Components.Contains), $"intervention {i.Sequence} names an unknown component");
            Require(meeting, i.ComponentNumbers.Count == 0 || i.ComponentStance != Stance.None, $"intervention {i.Sequence} names components without a stance");
            Require(meeting, i.Supports == 0 || known.Interventions.Contains(i.Supports), $"intervention {i.Sequence} supports unknown intervention {i.Supports}");
            Require(meeting, i.Answers == 0 || known.Interventions.Contains(i.Answers), $"intervention {i.Sequence} answers unknown intervention {i.Answers}");
            Require(meeting, i.ProposalId is null || known.Proposals.Contains(i.ProposalId), $"intervention {i.Sequence} names unknown proposal '{i.ProposalId}'");
            i.DocumentSymbols = [.. i.DocumentSymbols.Select(s => Parse(s, meeting.Id).Normalized)];
        }
    }

    private static void CheckElections(Meeting meeting, KnownRecords known)
    {
        foreach (var e in meeting.Elections)
        {
            e.MeetingId = meeting.Id;
            Require(meeting, new[] { e.Nominee, e.NominatedBy, e.SecondedBy }.All(known.Participants.Contains), $"election {e.Sequence} names an unknown participant");
        }
    }

    private static void CheckProposals(Meeting meeting, KnownRecords known)
    {
        foreach (var p in meeting.Proposals)
        {
            p.MeetingId = meeting.Id;
            Require(meeting, p.ProposedBy.Concat(p.SupportedBy).All(known.Participants.Contains), $"proposal {p.Id} names an unknown participant");
            Require(meeting, p.Interventions.All(known.Interventions.Contains), $"proposal {p.Id} names an unknown intervention");
        }
    }

    private static void CheckComponents(Meeting meeting, KnownRecords known)
    {
        foreach (var c in meeting.Components)
        {
            c.MeetingId = meeting.Id;
            Require(meeting, c.ConsideredWith.All(known.Components.Contains), $"component {c.Number} is considered with an unknown component");
        }
    }

    /// <summary>The records the checks did not stamp: follow-ups (with a first etag), sessions, agenda items, participants.</summary>
    private static void StampRecords(Meeting meeting)
    {
        foreach (var f in meeting.FollowUps)
        {
            f.MeetingId = meeting.Id;
            f.Etag = MeetingStore.NewEtag();
        }

        meeting.Sessions.ForEach(s => s.MeetingId = meeting.Id);
        meeting.AgendaItems.ForEach(a => a.MeetingId = meeting.Id);
        meeting.Participants.ForEach(p => p.MeetingId = meeting.Id);
    }

    private static void Require(Meeting meeting, bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"meetings.json, meeting {meeting.Id}: {what}");
        }
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

    /// <summary>The keys of a meeting's records that other records may name.</summary>
    private sealed record KnownRecords(
        HashSet<string> Participants, HashSet<int> Sessions, HashSet<string> Components, HashSet<string> Proposals, HashSet<int> Interventions)
    {
        public static KnownRecords Of(Meeting meeting) => new(
            meeting.Participants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal),
            meeting.Sessions.Select(s => s.Ordinal).ToHashSet(),
            meeting.Components.Select(c => c.Number).ToHashSet(StringComparer.Ordinal),
            meeting.Proposals.Select(p => p.Id).ToHashSet(StringComparer.Ordinal),
            meeting.Interventions.Select(i => i.Sequence).ToHashSet());
    }
}
