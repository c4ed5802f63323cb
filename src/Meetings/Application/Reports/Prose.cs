using System.Globalization;
using TocMesh.Meetings.Domain;
using TocMesh.MemberStates;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>How the records of one meeting read as sentences of its report.</summary>
internal sealed class Prose(Meeting meeting, IReadOnlyDictionary<string, MemberStateInfo>? states)
{
    private static readonly string[] Ordinals = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1:30 p.m.", as the organization's reports write times.</summary>
    public static string Time(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return $"{hour}:{time.Minute:D2} {(time.Hour < 12 ? "a.m." : "p.m.")}";
    }

    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"trafficking-in-persons" or "InProgress" as words: "trafficking in persons", "in progress".</summary>
    public static string Humanize(string identifier)
    {
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c is '-' or '_')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && i > 0 && !char.IsUpper(identifier[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(i == 0 ? char.ToLowerInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + ", and " + items[^1],
    };

    public static string OfficeName(Office office) => office switch
    {
        Office.Chair => "Chair",
        Office.ViceChair => "Vice Chair",
        _ => "Rapporteur",
    };

    public static string AmendmentOf(DocumentSymbol symbol)
    {
        var (word, n) = symbol.Corrigendum > 0 ? ("corrigendum", symbol.Corrigendum)
            : symbol.Addendum > 0 ? ("addendum", symbol.Addendum)
            : ("revision", symbol.Revision);
        return $"{word} {n} of {symbol.AmendsSymbol}";
    }

    public static string SessionTitle(Session session, Meeting meeting)
    {
        var ordinal = session.Ordinal < Ordinals.Length ? Ordinals[session.Ordinal] : $"Session {session.Ordinal}:";
        var title = session.Kind switch
        {
            SessionKind.Opening => "Opening session",
            SessionKind.Closing => $"{ordinal} and final plenary session",
            _ => $"{ordinal} plenary session",
        };
        if (session.Topic.Length > 0)
        {
            title += $", on “{session.Topic}”";
        }

        if (session.Purpose.Length > 0)
        {
            title += $", whose purpose was {session.Purpose}";
        }

        return title;
    }

    public string StateName(string code) =>
        states?.GetValueOrDefault(code)?.NameEn
        ?? meeting.Participants.FirstOrDefault(p => p.StateCode == code)?.DisplayName
        ?? code;

    public string Display(string participantId) =>
        meeting.Participants.FirstOrDefault(p => p.Id == participantId)?.DisplayName ?? participantId;

    /// <summary>"The OAS General Secretariat presented " for the participant who presented the document.</summary>
    public string PresentedBy(DocumentView document)
    {
        var presenter = meeting.Interventions.FirstOrDefault(i => i.Kind == InterventionKind.Presentation && i.DocumentSymbols.Contains(document.Document.Symbol));
        return presenter is null ? "The meeting had before it " : $"{Capitalize(Display(presenter.Speaker))} presented ";
    }

    public string Election(Election e)
    {
        var nominee = meeting.Participants.First(p => p.Id == e.Nominee);
        var outcome = e.Outcome == ElectionOutcome.Acclamation ? "by acclamation" : $"by vote ({e.VotesFor} in favour)";
        var by = e.ElectedBy.Length > 0 ? $" by {e.ElectedBy}" : "";
        return $"{Capitalize(Display(e.NominatedBy))} nominated the {nominee.Title}, {nominee.Person}, as {OfficeName(e.Office)} of the meeting; "
            + $"{Display(e.SecondedBy)} seconded the motion, and the {StateName(e.NomineeStateCode)} representative was elected {outcome}{by}.";
    }

    public string Intervention(Intervention i)
    {
        var text = i.Speaker.Length == 0 ? i.Summary : $"{Capitalize(Display(i.Speaker))} {i.Summary}";
        var notes = new List<string> { Humanize(i.Kind.ToString()) };
        if (i.Answers > 0)
        {
            notes.Add($"answers {Display(Speaker(i.Answers))} (#{i.Answers})");
        }

        if (i.Supports > 0)
        {
            notes.Add($"supports {Display(Speaker(i.Supports))} (#{i.Supports})");
        }

        if (i.InstrumentIds.Count > 0)
        {
            notes.Add("instruments: " + string.Join(", ", i.InstrumentIds));
        }

        if (i.Legislation.Count > 0)
        {
            notes.Add("legislation: " + string.Join("; ", i.Legislation));
        }

        if (i.ComponentNumbers.Count > 0)
        {
            notes.Add("components: " + string.Join(", ", i.ComponentNumbers.Select(n => meeting.Components.First(c => c.Number == n).Label)));
        }

        return $"{text} [{string.Join("; ", notes)}]";
    }

    private string Speaker(int sequence) => meeting.Interventions.FirstOrDefault(x => x.Sequence == sequence)?.Speaker ?? "";
}
