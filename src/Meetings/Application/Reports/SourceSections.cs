using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The sections of a meeting's report drawn from the services that own their content; each says
/// so, and why, when its service did not answer.
/// </summary>
internal static class SourceSections
{
    public static ReportSection RatificationSection(Meeting meeting, Prose prose, DocumentView document, SourceOutcome<RatificationStatus> outcome)
    {
        const string id = "status-of-ratifications";
        var title = $"Status of ratifications ({document.Symbol.Normalized})";
        var intro = prose.PresentedBy(document) + $"the {Prose.LowerFirst(document.Document.Title)} ({document.Symbol.Normalized}).";
        if (outcome.Value is not { } status)
        {
            return new ReportSection(id, title,
            [
                new Paragraph(intro),
                new Paragraph($"Unavailable: the status of ratifications as of {Prose.Date(meeting.StartDate)} could not be obtained from the Treaty service ({outcome.Failure})."),
            ], false, outcome.Failure!);
        }

        var blocks = new List<ReportBlock>
        {
            new Paragraph(intro),
            new Paragraph($"As of {Prose.Date(status.AsOf)}, counting the {status.StatesInScope} member states taking part on that date"
                + (status.Excluded.Count > 0 ? $" (not counted: {string.Join("; ", status.Excluded)})" : "") + ":"),
            new BulletList(status.Lines.Select(l => l.Sentence).ToList()),
        };
        return new ReportSection(id, title, blocks);
    }

    public static ReportSection PointsOfContactSection(Meeting meeting, Prose prose, DocumentView document, SourceOutcome<IReadOnlyList<PointOfContactChange>> outcome)
    {
        const string id = "points-of-contact";
        var title = "Changes to points of contact";
        var intro = prose.PresentedBy(document) + $"the {document.Document.Title} ({document.Symbol.Normalized}).";
        if (outcome.Value is not { } changes)
        {
            return new ReportSection(id, title,
            [
                new Paragraph(intro),
                new Paragraph($"Unavailable: the changes to points of contact announced at the meeting could not be obtained from the Directory service ({outcome.Failure})."),
            ], false, outcome.Failure!);
        }

        if (changes.Count == 0)
        {
            return new ReportSection(id, title, [new Paragraph(intro), new Paragraph("The Directory records no change of points of contact announced at this meeting.")]);
        }

        var states = changes.Select(c => c.StateCode).Distinct().Select(prose.StateName).ToList();
        return new ReportSection(id, title,
        [
            new Paragraph(intro),
            new Paragraph($"The Directory records {changes.Count} change requests opened at this meeting, for {Prose.Join(states)}:"),
            new BulletList(changes.Select(c =>
            {
                var line = $"{prose.StateName(c.StateCode)} ({c.Role}): {c.Description} — {c.Status}";
                if (c.OpenedOn is { } opened)
                {
                    line += $", opened {Prose.Date(opened)}";
                }

                if (c.DueOn is { } due)
                {
                    line += $", due {Prose.Date(due)}";
                }

                if (c.ResolvedOn is { } resolved)
                {
                    line += $", resolved {Prose.Date(resolved)}";
                }

                return line;
            }).ToList()),
        ]);
    }

    public static ReportSection NeedsSection(Meeting meeting, Prose prose, DocumentView document, SourceOutcome<NeedsAssessment> outcome)
    {
        const string id = "needs-assessment";
        var title = $"Diagnostic assessment of needs ({document.Symbol.Normalized})";
        var intro = prose.PresentedBy(document) + $"a {document.Document.Title.ToLowerInvariant()} ({document.Symbol.Normalized}).";
        if (outcome.Value is not { } assessment)
        {
            return new ReportSection(id, title,
            [
                new Paragraph(intro),
                new Paragraph($"Unavailable: the needs assessment could not be obtained from the TechnicalCooperation service ({outcome.Failure})."),
            ], false, outcome.Failure!);
        }

        return new ReportSection(id, title,
        [
            new Paragraph(intro),
            new Paragraph($"The assessment, as the TechnicalCooperation service holds it, records {assessment.NeedCount} needs in {assessment.Areas.Count} areas:"),
            new BulletList(assessment.Areas.Select(a =>
                $"{Prose.Humanize(a.Area)}: {a.OpenCount} open, {a.ResolvedCount} resolved"
                + (a.StateCodes.Count > 0 ? $" ({string.Join(", ", a.StateCodes.Select(prose.StateName))})" : "")).ToList()),
        ]);
    }

    public static ReportSection ToolkitSection(Meeting meeting, Prose prose, DocumentView document, SourceOutcome<Toolkit> outcome)
    {
        const string id = "toolkit";
        var title = $"Technical cooperation toolkit ({document.Symbol.Normalized})";
        var intro = prose.PresentedBy(document) + $"the {document.Document.Title.Replace("toolkit", "“toolkit”", StringComparison.Ordinal).ToLowerInvariant()} ({document.Symbol.Normalized}).";
        if (outcome.Value is not { } toolkit)
        {
            return new ReportSection(id, title,
            [
                new Paragraph(intro),
                new Paragraph($"Unavailable: the toolkit could not be obtained from the TechnicalCooperation service ({outcome.Failure})."),
            ], false, outcome.Failure!);
        }

        var blocks = new List<ReportBlock>
        {
            new Paragraph(intro),
            new Paragraph($"The toolkit, as the TechnicalCooperation service holds it, lists {toolkit.TotalSize} courses and workshops" + (toolkit.Courses.Count > 0 ? ":" : ".")),
        };
        if (toolkit.Courses.Count > 0)
        {
            blocks.Add(new BulletList(toolkit.Courses.Select(c =>
                $"{c.Title} ({Prose.Humanize(c.Kind)}"
                + (c.ThematicAreas.Count > 0 ? $"; {string.Join(", ", c.ThematicAreas.Select(Prose.Humanize))}" : "")
                + (c.Audiences.Count > 0 ? $"; for {string.Join(", ", c.Audiences.Select(Prose.Humanize))}" : "") + ")").ToList()));
        }

        return new ReportSection(id, title, blocks);
    }
}
