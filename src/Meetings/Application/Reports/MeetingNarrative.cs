using System.Globalization;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The report's text in the meeting's own order: the opening, the election of officers, the rest of
/// the opening session (the agenda and what was presented), then each session with what it heard,
/// and the closing. Each fact of the records is told once, where it happened; what is computed from
/// other services follows what the meeting heard of the matter.
/// </summary>
internal sealed class MeetingNarrative(Prose prose, ComputedPassages computed, Meeting? previous)
{
    private Meeting Meeting => prose.Meeting;

    public IReadOnlyList<ReportSection> Sections()
    {
        var events = MeetingEvent.Of(Meeting);
        var sections = new List<ReportSection>();
        var sessions = Meeting.Sessions.OrderBy(s => s.Ordinal).ToList();
        var opening = sessions.FirstOrDefault(s => s.Kind == SessionKind.Opening);
        var openingEvents = opening is null ? [] : events.Where(e => e.SessionOrdinal == opening.Ordinal).ToList();
        var firstElection = openingEvents.FindIndex(e => e.Election is not null);
        var lastElection = openingEvents.FindLastIndex(e => e.Election is not null);
        var beforeElections = firstElection < 0 ? openingEvents : openingEvents[..firstElection];

        sections.Add(Opening(beforeElections));
        if (firstElection >= 0)
        {
            sections.Add(Officers(opening!, openingEvents[firstElection..(lastElection + 1)], beforeElections.Count > 0));
            var rest = openingEvents[(lastElection + 1)..];
            if (rest.Count > 0)
            {
                sections.Add(Write("agenda", AfterElectionsTitle(rest), null, rest));
            }
        }

        foreach (var session in sessions.Where(s => s != opening))
        {
            sections.Add(Write($"session-{session.Ordinal}", Prose.Capitalize(SessionName(session)), session, events.Where(e => e.SessionOrdinal == session.Ordinal).ToList()));
        }

        if (Closing() is { } closing)
        {
            sections.Add(closing);
        }

        return sections;
    }

    private ReportSection Opening(IReadOnlyList<MeetingEvent> remarks)
    {
        var writer = new SectionWriter("opening", "Opening");
        var venue = Meeting.Venue.Length > 0 ? $", in {Meeting.Venue}" : "";
        var first = remarks.Count > 0 && remarks[0] is { Interventions: [{ Kind: InterventionKind.Remark } remark] } && IsOpeningSpeaker(remark.Speaker) ? remark : null;
        if (Meeting.DatePrecisionYearOnly)
        {
            writer.Sentence($"The {Meeting.Title} was held in {Meeting.StartDate.Year}{venue}.", null, SentenceKind.Opening);
        }
        else if (first is not null)
        {
            writer.Sentence($"The {Meeting.Title} opened on {Prose.Date(Meeting.StartDate)}{venue} with remarks by {prose.Name(first.Speaker)}, who {first.Summary}", first.Speaker, SentenceKind.Opening);
        }
        else
        {
            writer.Sentence($"The {Meeting.Title} opened on {Prose.Date(Meeting.StartDate)}{venue}.", null, SentenceKind.Opening);
        }

        foreach (var sentence in Background())
        {
            writer.Sentence(sentence, null, SentenceKind.Opening);
        }

        WriteEvents(writer, first is null ? remarks : remarks.Skip(1).ToList(), null);
        return writer.ToSection();
    }

    /// <summary>The mandate, the previous meeting and the notes, unless a speaker already told them.</summary>
    private IEnumerable<string> Background()
    {
        var said = string.Join(" ", Meeting.Interventions.Select(i => i.Summary));
        if (Meeting.MandateSymbol.Length > 0 && !said.Contains(Meeting.MandateSymbol, StringComparison.Ordinal))
        {
            var mandate = DocumentSymbol.Parse(Meeting.MandateSymbol);
            var session = mandate.SessionKind switch
            {
                AssemblySessionKind.Regular => $" of the {NumberWords.Ordinal(mandate.Session)} regular session of the OAS General Assembly",
                AssemblySessionKind.Special => $" of the {NumberWords.Ordinal(mandate.Session)} special session of the OAS General Assembly",
                _ => "",
            };
            var place = Meeting.MandatePlace.Length > 0 ? $", in {Meeting.MandatePlace}" : "";
            yield return $"The meeting was convened pursuant to resolution {mandate.Normalized}{session}{place}.";
        }

        if (previous is not null && !said.Contains(previous.Title.Split(" of the ")[0], StringComparison.Ordinal))
        {
            var when = previous.DatePrecisionYearOnly ? previous.StartDate.Year.ToString(CultureInfo.InvariantCulture) : Prose.Date(previous.StartDate);
            var venue = previous.Venue.Length > 0 ? $", in {previous.Venue}" : "";
            yield return $"It followed on from the {previous.Title}, held in {when}{venue}.";
        }

        if (Meeting.Notes.Length > 0)
        {
            yield return Meeting.Notes;
        }
    }

    private ReportSection Officers(Session session, IReadOnlyList<MeetingEvent> events, bool afterRemarks)
    {
        var writer = new SectionWriter("officers", "Election of officers");
        var items = Meeting.AgendaItems.Where(a => a.SessionOrdinal == session.Ordinal).OrderBy(a => a.Ordinal).ToList();
        if (items.Count > 0)
        {
            var taken = Prose.Join(items.Select(a => $"the {NumberWords.Ordinal(a.Ordinal)} agenda item, {Prose.LowerFirst(a.Title)}").ToList());
            writer.Sentence($"{(afterRemarks ? "After these introductory remarks, the" : "The")} meeting took up {taken}.", null, SentenceKind.Election);
        }

        var elections = 0;
        foreach (var e in events)
        {
            if (e.Election is { } election)
            {
                writer.Sentence((elections++ > 0 ? "Next, " : "") + ElectionSentence(election), null, SentenceKind.Election);
            }
            else
            {
                WriteEvents(writer, [e], null);
            }
        }

        return writer.ToSection();
    }

    private string ElectionSentence(Election e)
    {
        var office = e.Office switch { Office.Chair => "Chair", Office.ViceChair => "Vice Chair", _ => "Rapporteur" };
        var nominee = prose.Find(e.Nominee);
        var elected = nominee is { Kind: ParticipantKind.Delegation, StateCode: { } code } ? $"the Representative of {prose.StateName(code)}" : prose.ShortName(e.Nominee);
        var outcome = e.Outcome == ElectionOutcome.Acclamation ? "by acclamation" : $"by a vote of {NumberWords.Cardinal(e.VotesFor)} in favor";
        var by = e.ElectedBy.Length > 0 ? $" by {e.ElectedBy}" : "";
        return $"{Prose.Capitalize(prose.Name(e.NominatedBy))} nominated {prose.PersonWithTitle(e.Nominee)} as {office} of the meeting; "
            + $"{prose.Name(e.SecondedBy)} seconded the motion, and {elected} was elected {outcome}{by}.";
    }

    /// <summary>"Adoption of the agenda and presentations by the General Secretariat", from what the rest of the opening session holds.</summary>
    private string AfterElectionsTitle(IReadOnlyList<MeetingEvent> rest)
    {
        var agenda = rest.Any(e => e.Decision is { Owner: var owner, Description: var d } && IsMeeting(owner) && d.Contains("agenda", StringComparison.OrdinalIgnoreCase));
        var presenters = rest.Where(e => e.First?.Kind == InterventionKind.Presentation).SelectMany(e => e.Speakers).Distinct().Select(prose.ShortName).ToList();
        var presentations = presenters.Count > 0 ? $"presentations by {Prose.Join(presenters)}" : "";
        return (agenda, presentations.Length > 0) switch
        {
            (true, true) => $"Adoption of the agenda and {presentations}",
            (true, false) => "Adoption of the agenda",
            (false, true) => Prose.Capitalize(presentations),
            _ => "Opening session (continued)",
        };
    }

    /// <summary>"third plenary session", "fifth and final plenary session".</summary>
    private static string SessionName(Session session) => session.Kind switch
    {
        SessionKind.Opening => "opening session",
        SessionKind.Closing => $"{NumberWords.Ordinal(session.Ordinal)} and final plenary session",
        _ => $"{NumberWords.Ordinal(session.Ordinal)} plenary session",
    };

    private ReportSection Write(string id, string title, Session? session, IReadOnlyList<MeetingEvent> events)
    {
        var writer = new SectionWriter(id, title);
        if (session is not null && events.Count == 0)
        {
            writer.Sentence($"The records hold nothing of what was said at the {SessionName(session)}.", null, SentenceKind.Statement);
        }

        WriteEvents(writer, events, session);
        return writer.ToSection();
    }

    /// <summary>Events as sentences; the first sentence of a session says which session it was.</summary>
    private void WriteEvents(SectionWriter writer, IReadOnlyList<MeetingEvent> events, Session? session)
    {
        Intervention? said = null;
        foreach (var e in events)
        {
            var intro = session is not null && !writer.SectionStarted ? SessionIntro(session) : "";
            if (e.Decision is { } decision)
            {
                writer.Sentence(intro + DecisionSentence(decision), null, SentenceKind.Decision);
                continue;
            }

            if (e.Election is { } election)
            {
                writer.Sentence(intro + ElectionSentence(election), null, SentenceKind.Election);
                continue;
            }

            var first = e.First!;
            var speakers = e.Speakers;
            var subjectKey = speakers.Count == 0 ? null : string.Join(",", speakers);
            var kind = KindOf(first);
            string sentence;
            var sameSpeaker = intro.Length == 0 && subjectKey is not null && subjectKey == writer.LastSubject && !writer.Breaks(subjectKey, kind);
            if (sameSpeaker && e.Interventions.Count == 1 && said is not null && SameVerb(said, first)
                && writer.TryContinue("and " + first.Summary[(first.Summary.IndexOf(' ') + 1)..], MaxJoinedSentence))
            {
                // "It also mentioned A. It also mentioned B." reads "It also mentioned A and B."
                said = null;
                WritePassages(writer, e);
                continue;
            }

            said = e.Interventions.Count == 1 ? first : null;
            if (speakers.Count == 0)
            {
                sentence = intro + first.Summary;
            }
            else if (sameSpeaker)
            {
                var again = speakers.Count > 1 ? "they" : prose.IsPerson(speakers[0]) ? prose.ShortName(speakers[0]) : "it";
                sentence = $"{again} {Prose.Also(first.Summary)}";
            }
            else
            {
                sentence = $"{intro}{prose.Subject(speakers, first.JointSpeakers.Count > 0)} {first.Summary}";
            }

            writer.Sentence(Prose.Capitalize(sentence), subjectKey, kind);
            if (WritePassages(writer, e))
            {
                said = null;
            }
        }
    }

    /// <summary>A sentence that takes another's words on stays readable up to this length.</summary>
    private const int MaxJoinedSentence = 320;

    private static bool SameVerb(Intervention a, Intervention b)
    {
        var verb = a.Summary.Split(' ', 2)[0];
        return verb.Length > 0 && b.Summary.Split(' ', 2) is [var other, _] && other == verb && a.Kind == b.Kind;
    }

    /// <summary>The computed passages after an event's interventions; whether there were any.</summary>
    private bool WritePassages(SectionWriter writer, MeetingEvent e)
    {
        var passages = e.Interventions.SelectMany(computed.After).Distinct().ToList();
        passages.ForEach(writer.AddPassage);
        return passages.Count > 0;
    }

    /// <summary>"At the fourth plenary session, on “institutional capacity building,” ".</summary>
    private static string SessionIntro(Session session)
    {
        var intro = $"At the {SessionName(session)}";
        if (session.Topic.Length > 0)
        {
            intro += $", on “{session.Topic},”";
        }

        if (session.Purpose.Length > 0)
        {
            intro += $", whose purpose was {session.Purpose},";
        }

        return intro.EndsWith('”') ? intro + " " : intro.TrimEnd(',') + ", ";
    }

    /// <summary>The meeting's own decision is its act ("The meeting adopted the agenda"); another's is a decision to act.</summary>
    private static string DecisionSentence(FollowUp f) =>
        IsMeeting(f.Owner)
            ? $"{Prose.Capitalize(f.Owner)} {Prose.PastTense(f.Description)}."
            : $"{Prose.Capitalize(f.Owner)} decided to {f.Description}.";

    private static bool IsMeeting(string owner) => owner.Equals("the meeting", StringComparison.OrdinalIgnoreCase);

    private static SentenceKind KindOf(Intervention i) => i.Kind switch
    {
        InterventionKind.Presentation => SentenceKind.Presentation,
        InterventionKind.Question => SentenceKind.Question,
        InterventionKind.Answer => SentenceKind.Answer,
        InterventionKind.Support => SentenceKind.Support,
        _ => SentenceKind.Statement,
    };

    private bool IsOpeningSpeaker(string id) => prose.Find(id)?.Roles.Contains(ParticipantRole.OpeningSpeaker) == true;

    private ReportSection? Closing()
    {
        var writer = new SectionWriter("closing", "Closing");
        if (Meeting.ParticipantsDocument.Length > 0)
        {
            writer.Sentence($"The list of participants was distributed as document {Meeting.ParticipantsDocument}.", null, SentenceKind.Statement);
        }

        if (Meeting.ClosedAt is { } closed)
        {
            writer.Sentence($"There being no other business, at {Prose.Time(closed)}, the meeting was declared closed.", null, SentenceKind.Statement);
        }

        return writer.SectionStarted ? writer.ToSection() : null;
    }
}
