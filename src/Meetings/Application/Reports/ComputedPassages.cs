using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// What the report computes from the services that own it, written where the meeting heard the
/// matter: the status of ratifications as of the meeting's date after its presentation, the
/// Directory's state after the delegations that announced changes, the needs and the toolkit as
/// recorded after their presentation. Each says what it is and when; none counts what is not recorded.
/// </summary>
internal sealed class ComputedPassages(Prose prose, ReportInputs inputs)
{
    private Meeting Meeting => prose.Meeting;

    /// <summary>The passages that follow an intervention: for each document it presented or referred to whose content another service owns.</summary>
    public IEnumerable<Passage> After(Intervention intervention)
    {
        foreach (var (content, document) in inputs.ContentDocuments.OrderBy(d => d.Key))
        {
            if (!intervention.DocumentSymbols.Contains(document.Document.Symbol))
            {
                continue;
            }

            var delegations = intervention.AllSpeakers().Where(prose.IsDelegation).ToList();
            var passage = content switch
            {
                DocumentContent.RatificationStatus when intervention.Kind == InterventionKind.Presentation => Ratifications(),
                DocumentContent.NeedsAssessment when intervention.Kind == InterventionKind.Presentation => Needs(document.Document.Symbol),
                DocumentContent.Toolkit when intervention.Kind == InterventionKind.Presentation => Toolkit(document.Document.Symbol),
                DocumentContent.PointsOfContact when delegations.Count > 0 => PointsOfContact(delegations),
                DocumentContent.PointsOfContact when intervention.Kind == InterventionKind.Presentation => OtherPointsOfContact(document.Document.Symbol),
                _ => null,
            };
            if (passage is not null)
            {
                yield return passage;
            }
        }
    }

    private Passage? Ratifications()
    {
        if (inputs.Ratifications is not { } outcome)
        {
            return null;
        }

        if (outcome.Value is not { } status)
        {
            return new Passage($"The status of ratifications as of {Prose.Date(Meeting.StartDate)} could not be computed for this report.", outcome.Failure);
        }

        var figures = status.Paragraph.Length > 0 ? status.Paragraph : string.Join(" ", status.Lines.Select(l => l.Sentence));
        return new Passage($"The status on {Prose.Date(status.AsOf)}, as computed from the treaty records for {status.ScopeDescription}, was as follows. {figures}");
    }

    /// <summary>The Directory's state for the points of contact these delegations announced.</summary>
    private Passage? PointsOfContact(IReadOnlyList<string> delegations)
    {
        if (inputs.Changes is not { } outcome)
        {
            return null;
        }

        if (outcome.Value is not { } changes)
        {
            return new Passage("The current state of the Directory could not be obtained for this report.", outcome.Failure);
        }

        var codes = delegations.Select(d => prose.Find(d)!.StateCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var theirs = changes.Where(c => codes.Contains(c.StateCode)).ToList();
        return theirs.Count == 0 ? null : new Passage(DirectoryState(theirs, single: codes.Count == 1));
    }

    /// <summary>Changes the Directory records from this meeting that no delegation's intervention in the records announces.</summary>
    private Passage? OtherPointsOfContact(string symbol)
    {
        if (inputs.Changes?.Value is not { } changes)
        {
            return null;
        }

        var announced = Meeting.Interventions
            .Where(i => i.DocumentSymbols.Contains(symbol))
            .SelectMany(i => i.AllSpeakers()).Select(prose.Find).OfType<Participant>()
            .Where(p => p.Kind == ParticipantKind.Delegation).Select(p => p.StateCode).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var others = changes.Where(c => !announced.Contains(c.StateCode)).ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var names = Prose.AlphabeticalNames(others.Select(c => prose.StateName(c.StateCode)).Distinct());
        return new Passage($"The Directory also records changes of points of contact announced at this meeting by {Prose.Join(names)}. {DirectoryState(others, names.Count == 1)}");
    }

    private string DirectoryState(IReadOnlyList<PointOfContactChange> changes, bool single)
    {
        var asOf = $"As of {Prose.Date(inputs.Today)}";
        var byState = changes.GroupBy(c => c.StateCode).ToList();
        var received = Prose.AlphabeticalNames(byState.Where(g => g.All(c => c.ResolvedOn is not null)).Select(g => prose.StateName(g.Key)));
        var awaited = Prose.AlphabeticalNames(byState.Where(g => g.Any(c => c.ResolvedOn is null)).Select(g => prose.StateName(g.Key)));
        if (awaited.Count == 0)
        {
            return single
                ? $"{asOf}, the Directory records the new point of contact of {received[0]}."
                : $"{asOf}, the Directory records the new points of contact of {Prose.Join(received)}.";
        }

        if (received.Count == 0)
        {
            return single
                ? $"{asOf}, no new point of contact for {awaited[0]} is recorded in the Directory."
                : $"{asOf}, none of these new points of contact is yet recorded in the Directory.";
        }

        return $"{asOf}, the Directory records the new points of contact of {Prose.Join(received)}, but not yet those of {Prose.Join(awaited)}.";
    }

    private Passage? Needs(string symbol)
    {
        if (inputs.Needs is not { } outcome)
        {
            return null;
        }

        if (outcome.Value is not { } assessment)
        {
            return new Passage("The needs recorded since could not be obtained for this report.", outcome.Failure);
        }

        var fromDocument = assessment.Needs.Where(n => n.SourceDocument == symbol).ToList();
        var fromDiscussion = assessment.Needs.Where(n => n.SourceMeetingId == Meeting.Id && n.SourceDocument != symbol).ToList();
        var text = fromDocument.Count == 0
            ? "The needs it sets out are not recorded"
            : $"{Prose.Capitalize(Count(fromDocument.Count, "need"))} taken from it {(fromDocument.Count == 1 ? "is" : "are")} recorded, {Met(fromDocument)}";
        if (fromDiscussion.Count > 0)
        {
            text += $"; {Count(fromDiscussion.Count, "need")} raised in the meeting’s discussions {(fromDiscussion.Count == 1 ? "is" : "are")} recorded, {Met(fromDiscussion)}";
        }

        return new Passage(text + ".");
    }

    private Passage? Toolkit(string symbol)
    {
        if (inputs.Toolkit is not { } outcome)
        {
            return null;
        }

        if (outcome.Value is not { } toolkit)
        {
            return new Passage("The courses and workshops recorded for the toolkit could not be obtained for this report.", outcome.Failure);
        }

        var courses = toolkit.Courses.Where(c => c.SourceDocument == symbol).Select(c => c.Title).ToList();
        return courses.Count == 0
            ? new Passage("The courses and workshops it lists are not recorded.")
            : new Passage($"{Prose.Capitalize(NumberWords.Cardinal(courses.Count))} of its courses and workshops {(courses.Count == 1 ? "is" : "are")} recorded: {Prose.Join(courses)}.");
    }

    private static string Count(int n, string noun) => $"{NumberWords.Cardinal(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string Met(IReadOnlyList<RecordedNeed> needs)
    {
        var met = needs.Count(n => n.Resolved);
        return met == 0 ? needs.Count == 1 ? "not yet met" : "none of them yet met"
            : met == needs.Count ? needs.Count == 1 ? "since met" : "all of them since met"
            : $"{NumberWords.Cardinal(met)} of them since met";
    }
}
