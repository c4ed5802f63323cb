using System.Globalization;
using TocMesh.Meetings.Domain;
using TocMesh.MemberStates;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// How the records of one meeting read in its report: who is named how (in full the first time, then
/// by a short name), groups of delegations in alphabetical order, dates, times and verbs as the
/// organization writes them.
/// </summary>
internal sealed class Prose(Meeting meeting, IReadOnlyDictionary<string, MemberStateInfo>? states)
{
    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.Ordinal)
    {
        ["be"] = "was", ["begin"] = "began", ["bring"] = "brought", ["choose"] = "chose", ["do"] = "did", ["draw"] = "drew",
        ["give"] = "gave", ["have"] = "had", ["hold"] = "held", ["keep"] = "kept", ["lead"] = "led", ["make"] = "made",
        ["meet"] = "met", ["put"] = "put", ["seek"] = "sought", ["send"] = "sent", ["set"] = "set", ["take"] = "took",
        ["write"] = "wrote", ["commit"] = "committed", ["refer"] = "referred", ["submit"] = "submitted", ["transmit"] = "transmitted",
    };

    private readonly HashSet<string> _named = new(StringComparer.Ordinal);

    public Meeting Meeting => meeting;

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"7 October 2009", as the document header dates a document.</summary>
    public static string HeaderDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1:30 p.m.", as the organization's reports write times.</summary>
    public static string Time(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return $"{hour}:{time.Minute:D2} {(time.Hour < 12 ? "a.m." : "p.m.")}";
    }

    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"A", "A and B", "A, B, and C".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + ", and " + items[^1],
    };

    /// <summary>A sentence ends with a full stop (or the closing quotation mark after one).</summary>
    public static string EndSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') || trimmed.EndsWith(".”", StringComparison.Ordinal) || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    /// <summary>"adopt the agenda" as "adopted the agenda": the past tense of the first word.</summary>
    public static string PastTense(string predicate)
    {
        var space = predicate.IndexOf(' ');
        var verb = space < 0 ? predicate : predicate[..space];
        var rest = space < 0 ? "" : predicate[space..];
        var past = IrregularPast.TryGetValue(verb, out var irregular) ? irregular
            : verb.EndsWith('e') ? verb + "d"
            : verb.Length > 1 && verb.EndsWith('y') && !"aeiou".Contains(verb[^2]) ? verb[..^1] + "ied"
            : verb + "ed";
        return past + rest;
    }

    /// <summary>"also emphasized ...", unless the record already says "also" near its start.</summary>
    public static string Also(string predicate) =>
        predicate.Split(' ', 6).Take(5).Contains("also", StringComparer.Ordinal) ? predicate : "also " + predicate;

    public Participant? Find(string id) => meeting.Participants.FirstOrDefault(p => p.Id == id);

    public bool IsDelegation(string id) => Find(id)?.Kind == ParticipantKind.Delegation;

    /// <summary>A person named in the records (not a delegation or an organ): named again by a short name, never "it".</summary>
    public bool IsPerson(string id) => Find(id) is { Person.Length: > 0, Kind: not ParticipantKind.Delegation };

    /// <summary>A member state by its name as the records give it, else as the register gives it.</summary>
    public string StateName(string code) =>
        meeting.Participants.FirstOrDefault(p => p.Kind == ParticipantKind.Delegation && p.StateCode == code)?.DisplayName
        ?? states?.GetValueOrDefault(code)?.NameEn
        ?? code;

    /// <summary>A participant: in full the first time, by the short name after.</summary>
    public string Name(string id)
    {
        var p = Find(id);
        if (p is null)
        {
            return id;
        }

        return _named.Add(id) || p.ShortName.Length == 0 ? p.DisplayName : p.ShortName;
    }

    /// <summary>The short name alone, for a participant just named.</summary>
    public string ShortName(string id) => Find(id) is { } p ? p.ShortName.Length > 0 ? p.ShortName : p.DisplayName : id;

    /// <summary>
    /// The subject of a sentence: one participant, or several in alphabetical order. Delegations that
    /// spoke jointly are "the representatives of A, B, and C".
    /// </summary>
    public string Subject(IReadOnlyList<string> ids, bool joint)
    {
        if (ids.Count == 1)
        {
            return Appositive(Name(ids[0]));
        }

        var names = Alphabetical(ids).Select(Name).ToList();
        return joint && ids.All(IsDelegation) ? "the representatives of " + Join(names) : Join(names);
    }

    /// <summary>Participants in alphabetical order of their names ("the United States" under U).</summary>
    public IReadOnlyList<string> Alphabetical(IEnumerable<string> ids) =>
        ids.OrderBy(id => SortKey(Find(id)?.DisplayName ?? id), StringComparer.InvariantCulture).ToList();

    /// <summary>State names in alphabetical order.</summary>
    public static IReadOnlyList<string> AlphabeticalNames(IEnumerable<string> names) =>
        names.OrderBy(SortKey, StringComparer.InvariantCulture).ToList();

    private static string SortKey(string name) => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;

    /// <summary>"the Alternate Representative of Trinidad and Tobago, Mr. Roland Maunday".</summary>
    public string PersonWithTitle(string id)
    {
        var p = Find(id);
        if (p is null || p.Person.Length == 0)
        {
            return p is null ? id : Name(id);
        }

        _named.Add(id);
        var person = p.Honorific.Length > 0 ? $"{p.Honorific} {p.Person}" : p.Person;
        return p.Title.Length > 0 ? $"the {p.Title}, {person}," : person;
    }

    /// <summary>A name with its title in apposition ("Mr. X, Director of ...") closes the apposition with a comma before the verb.</summary>
    public static string Appositive(string name) => name.Contains(", ", StringComparison.Ordinal) ? name + "," : name;
}
