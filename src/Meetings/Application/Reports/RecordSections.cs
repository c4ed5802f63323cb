using System.Globalization;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>The sections of a meeting's report written from the meeting's own records and documents.</summary>
internal static class RecordSections
{
    public static ReportSection Opening(Meeting meeting, Meeting? previous)
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph(meeting.DatePrecisionYearOnly
                ? $"The {meeting.Title} was held in {meeting.StartDate.Year}{Venue(meeting)}."
                : $"The {meeting.Title} opened on {Prose.Date(meeting.StartDate)}{Venue(meeting)}."),
        };
        if (meeting.MandateSymbol.Length > 0)
        {
            var mandate = DocumentSymbol.Parse(meeting.MandateSymbol);
            var session = mandate.SessionKind switch
            {
                AssemblySessionKind.Regular => $" of the {RomanNumerals.Format(mandate.Session)} regular session of the OAS General Assembly ({mandate.Year})",
                AssemblySessionKind.Special => $" of the {RomanNumerals.Format(mandate.Session)} special session of the OAS General Assembly ({mandate.Year})",
                _ => "",
            };
            var place = meeting.MandatePlace.Length > 0 ? $", in {meeting.MandatePlace}" : "";
            blocks.Add(new Paragraph($"The meeting arose from resolution {mandate.Normalized}{session}{place}."));
        }

        if (previous is not null)
        {
            var when = previous.DatePrecisionYearOnly ? previous.StartDate.Year.ToString(CultureInfo.InvariantCulture) : Prose.Date(previous.StartDate);
            blocks.Add(new Paragraph($"It followed on from the {previous.Title}, held in {when}{Venue(previous)}."));
        }

        if (meeting.Notes.Length > 0)
        {
            blocks.Add(new Paragraph(meeting.Notes));
        }

        return new ReportSection("opening", "Opening", blocks);
    }

    public static string Venue(Meeting meeting) => meeting.Venue.Length > 0 ? $", in {meeting.Venue}" : "";

    public static ReportSection Officers(Meeting meeting, Prose prose)
    {
        if (meeting.Elections.Count == 0)
        {
            return new ReportSection("officers", "Election of officers", [new Paragraph("The records hold no election of officers.")]);
        }

        return new ReportSection("officers", "Election of officers",
        [
            new BulletList(meeting.Elections.Select(e =>
            {
                var nominee = meeting.Participants.First(p => p.Id == e.Nominee);
                return $"{Prose.OfficeName(e.Office)}: {nominee.Person} ({nominee.Title}). {prose.Election(e)}";
            }).ToList()),
        ]);
    }

    public static ReportSection Documents(IReadOnlyList<DocumentView> docs)
    {
        if (docs.Count == 0)
        {
            return new ReportSection("documents", "Documents", [new Paragraph("No documents of this meeting are registered.")]);
        }

        return new ReportSection("documents", "Documents",
        [
            new BulletList(docs.Select(d =>
            {
                var line = $"{d.Symbol.Normalized}: {d.Document.Title}";
                if (d.Document.Description.Length > 0)
                {
                    line += $" ({d.Document.Description})";
                }

                if (d.Symbol.IsAmendment)
                {
                    line += $"; {Prose.AmendmentOf(d.Symbol)}{(d.BaseRegistered ? "" : ", which is not registered")}";
                }

                return line;
            }).ToList()),
        ]);
    }

    public static ReportSection Proceedings(Meeting meeting, Prose prose)
    {
        var blocks = new List<ReportBlock>();
        foreach (var session in meeting.Sessions)
        {
            var events = meeting.Interventions.Where(i => i.SessionOrdinal == session.Ordinal).Select(i => (i.Sequence, Text: prose.Intervention(i)))
                .Concat(meeting.Elections.Where(e => e.SessionOrdinal == session.Ordinal).Select(e => (e.Sequence, Text: prose.Election(e))))
                .Concat(meeting.FollowUps.Where(f => f.SessionOrdinal == session.Ordinal && f.Kind == FollowUpKind.Decision && f.Sequence > 0)
                    .Select(f => (f.Sequence, Text: $"{Prose.Capitalize(f.Owner)} decided to {f.Description}.")))
                .OrderBy(e => e.Sequence)
                .Select(e => $"#{e.Sequence}. {e.Text}")
                .ToList();
            blocks.Add(new Subheading(Prose.SessionTitle(session, meeting)));
            var agenda = meeting.AgendaItems.Where(a => a.SessionOrdinal == session.Ordinal).ToList();
            if (agenda.Count > 0)
            {
                blocks.Add(new Paragraph("Agenda items taken up: " + string.Join("; ", agenda.Select(a => $"{a.Ordinal}. {a.Title}")) + "."));
            }

            blocks.Add(events.Count > 0 ? new BulletList(events) : new Paragraph("No interventions are recorded for this session."));
        }

        if (meeting.Sessions.Count == 0)
        {
            blocks.Add(new Paragraph("The records hold no sessions of this meeting."));
        }

        return new ReportSection("proceedings", "Sessions and interventions", blocks);
    }

    public static ReportSection WorkProgram(Meeting meeting, Prose prose, IReadOnlyList<DocumentView> docs)
    {
        var blocks = new List<ReportBlock>();
        if (meeting.Components.Count > 0)
        {
            var draft = docs.FirstOrDefault(d => d.Symbol.Normalized == meeting.WorkProgramSymbol);
            blocks.Add(new Subheading($"Components of the draft work program ({meeting.WorkProgramSymbol})"));
            if (draft is not null)
            {
                blocks.Add(new Paragraph($"“{draft.Document.Title}” ({draft.Symbol.Normalized})."));
            }

            blocks.Add(new BulletList(meeting.Components.Select(c =>
            {
                var line = Prose.Capitalize(c.Label) + (c.Text.Length > 0 ? $": “{c.Text}”" : "");
                var facts = new List<string>();
                if (c.ConsideredWith.Count > 0)
                {
                    facts.Add($"in conjunction with {string.Join(", ", c.ConsideredWith.Select(n => meeting.Components.First(x => x.Number == n).Label))}");
                }

                if (c.Identified)
                {
                    facts.Add("among the main components identified by the member states");
                }

                foreach (var group in meeting.PositionsOn(c.Number).GroupBy(p => p.Stance))
                {
                    var verb = group.Key switch { Stance.Emphasized => "emphasized by", Stance.Supported => "supported by", _ => "commented on by" };
                    facts.Add($"{verb} {Prose.Join(group.Select(p => $"{prose.Display(p.Participant)} (#{p.Intervention})").ToList())}");
                }

                if (c.Notes.Length > 0)
                {
                    facts.Add(c.Notes.TrimEnd('.'));
                }

                return line + (facts.Count > 0 ? $" — {string.Join("; ", facts)}." : "");
            }).ToList()));
        }

        if (meeting.AlsoIdentified.Count > 0)
        {
            blocks.Add(new Paragraph($"The General Secretariat’s summary also named {Prose.Join(meeting.AlsoIdentified)}."));
        }

        if (meeting.Proposals.Count > 0)
        {
            blocks.Add(new Subheading("Proposals"));
            blocks.Add(new BulletList(meeting.Proposals.Select(p =>
                $"{p.Text}: proposed by {Prose.Join(p.ProposedBy.Select(prose.Display).ToList())}"
                + (p.SupportedBy.Count > 0 ? $", supported by {Prose.Join(p.SupportedBy.Select(prose.Display).ToList())}" : "")
                + $" ({Prose.Humanize(p.Status.ToString())}; interventions {string.Join(", ", p.Interventions.Select(i => $"#{i}"))}).").ToList()));
        }

        if (meeting.FollowUps.Count > 0)
        {
            blocks.Add(new Subheading("Decisions and follow-ups"));
            blocks.Add(new BulletList(meeting.FollowUps.Select(f =>
                $"{Prose.Capitalize(f.Owner)} to {f.Description} ({(f.Kind == FollowUpKind.Decision ? "decision" : "undertaking")}; "
                + $"status: {Prose.Humanize(f.Status.ToString())}; due: {(f.DueDate is { } due ? Prose.Date(due) : "no date set")}"
                + (f.Addressee.Length > 0 ? $"; for the {f.Addressee}" : "") + ").").ToList()));
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new Paragraph("The records hold no work-program discussion for this meeting."));
        }

        return new ReportSection("work-program", "Work program", blocks);
    }

    public static ReportSection Participants(Meeting meeting, Prose prose)
    {
        var blocks = new List<ReportBlock>();
        if (meeting.ParticipantsDocument.Length > 0)
        {
            blocks.Add(new Paragraph($"The list of participants was distributed as document {meeting.ParticipantsDocument}."));
        }

        if (meeting.Participants.Count > 0)
        {
            blocks.Add(new Paragraph("Participants named in the records:"));
            blocks.Add(new BulletList(meeting.Participants.Select(p =>
            {
                var who = Prose.Capitalize(p.Kind == ParticipantKind.Delegation ? $"{prose.StateName(p.StateCode!)} (delegation)" : p.Organization.Length > 0 ? $"{p.Organization} ({Prose.Humanize(p.Kind.ToString())})" : p.DisplayName);
                var person = p.Person.Length > 0 ? $": {p.Person}" + (p.Title.Length > 0 ? $", {p.Title}" : "") : "";
                var roles = p.Roles.Count > 0 ? $" — {string.Join(", ", p.Roles.Select(r => Prose.Humanize(r.ToString())))}" : "";
                return who + person + roles;
            }).ToList()));
        }

        return new ReportSection("participants", "Participants", blocks.Count > 0 ? blocks : [new Paragraph("The records name no participants.")]);
    }

    public static ReportSection Closing(Meeting meeting) =>
        new("closing", "Closing",
        [
            new Paragraph(meeting.ClosedAt is { } closed
                ? $"There being no other business, at {Prose.Time(closed)}, the meeting was declared closed."
                : "The records do not say when the meeting closed."),
        ]);
}
