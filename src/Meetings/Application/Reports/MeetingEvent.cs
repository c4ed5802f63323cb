using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// One thing that happened at the meeting, in the order of the records: an election, a decision, or
/// interventions (several when delegations said the same thing one after another).
/// </summary>
internal sealed record MeetingEvent(int Sequence, int SessionOrdinal, Election? Election, FollowUp? Decision, IReadOnlyList<Intervention> Interventions)
{
    public Intervention? First => Interventions.Count > 0 ? Interventions[0] : null;

    /// <summary>Everyone who made these interventions, in the records' order.</summary>
    public IReadOnlyList<string> Speakers => Interventions.SelectMany(i => i.AllSpeakers()).Distinct().ToList();

    /// <summary>The meeting's events in order, interventions of the same kind and words by different speakers in a row taken together.</summary>
    public static IReadOnlyList<MeetingEvent> Of(Meeting meeting)
    {
        var events = meeting.Elections.Select(e => new MeetingEvent(e.Sequence, e.SessionOrdinal, e, null, []))
            .Concat(meeting.FollowUps.Where(f => f.Kind == FollowUpKind.Decision && f.Sequence > 0).Select(f => new MeetingEvent(f.Sequence, f.SessionOrdinal, null, f, [])))
            .Concat(meeting.Interventions.Select(i => new MeetingEvent(i.Sequence, i.SessionOrdinal, null, null, [i])))
            .OrderBy(e => e.Sequence)
            .ToList();
        var merged = new List<MeetingEvent>();
        foreach (var e in events)
        {
            if (merged.Count > 0 && merged[^1] is { First: { } previous } last && e.First is { } next && Together(previous, next, last))
            {
                merged[^1] = last with { Interventions = [.. last.Interventions, next] };
            }
            else
            {
                merged.Add(e);
            }
        }

        return merged;
    }

    private static bool Together(Intervention previous, Intervention next, MeetingEvent group) =>
        previous.SessionOrdinal == next.SessionOrdinal && previous.Kind == next.Kind
        && previous.JointSpeakers.Count == 0 && next.JointSpeakers.Count == 0
        && next.Speaker.Length > 0 && !group.Speakers.Contains(next.Speaker)
        && string.Equals(previous.Summary, next.Summary, StringComparison.Ordinal)
        && next.DocumentSymbols.Count == 0;
}
