using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TocMesh.Meetings.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Application.Reports;

public sealed class ReportOptions
{
    public const string Section = "Meetings:Report";

    /// <summary>How long each call to another service may take before its section is marked unavailable.</summary>
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>A rendered report, and which of its sections are incomplete.</summary>
public sealed record RenderedReport(ReportFormat Format, string ContentType, string Content, IReadOnlyList<ReportSection> Sections)
{
    public IReadOnlyList<string> PartialSections => Sections.Where(s => !s.Available).Select(s => s.Id).ToList();
}

/// <summary>
/// Rebuilds a meeting's report from its records, and from the services that own the rest: the status
/// of ratifications as of the meeting's date (Treaty), the changes to points of contact the meeting
/// opened (Directory), the needs assessment and the toolkit (TechnicalCooperation). Those calls run in
/// parallel, each with its own deadline; one that fails or is late leaves its section marked
/// unavailable and the report is rendered all the same.
/// </summary>
public sealed partial class MeetingReportBuilder(
    MeetingRecords records,
    DocumentRegistry documents,
    IReportSources sources,
    MemberStateRegister register,
    IOptions<ReportOptions> options,
    ILogger<MeetingReportBuilder> logger)
{
    public static readonly ActivitySource Activity = new("TocMesh.Meetings");
    private static readonly string[] PalermoInstruments = ["untoc", "untoc-tip", "untoc-som", "untoc-firearms"];

    public async Task<RenderedReport> RenderAsync(string? meetingId, ReportFormat format, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("RenderMeetingReport");
        var meeting = await records.GetAsync(meetingId, cancellationToken);
        activity?.SetTag("meeting.id", meeting.Id);
        var previous = meeting.PreviousMeetingId is null ? null : await records.GetAsync(meeting.PreviousMeetingId, cancellationToken);
        var (docs, _) = await documents.ListAsync(meeting.Id, null, PageRequest.From(PageRequest.MaxSize, null), cancellationToken);
        var byContent = docs.Where(d => d.Document.Content != DocumentContent.None)
            .GroupBy(d => d.Document.Content).ToDictionary(g => g.Key, g => g.First());

        // Every call to another service starts now, in parallel, each with its own deadline.
        var asOf = meeting.StartDate;
        var instruments = meeting.Interventions
            .Where(i => byContent.TryGetValue(DocumentContent.RatificationStatus, out var d) && i.DocumentSymbols.Contains(d.Document.Symbol))
            .SelectMany(i => i.InstrumentIds).Distinct().ToList();
        var ratifications = byContent.ContainsKey(DocumentContent.RatificationStatus)
            ? FetchAsync(MeshResources.Treaty, (deadline, ct) => sources.GetRatificationStatusAsync(asOf, instruments.Count > 0 ? instruments : PalermoInstruments, deadline, ct), cancellationToken)
            : null;
        var changes = byContent.ContainsKey(DocumentContent.PointsOfContact)
            ? FetchAsync(MeshResources.Directory, (deadline, ct) => sources.ListChangeRequestsAsync(meeting.Id, deadline, ct), cancellationToken)
            : null;
        var needs = byContent.ContainsKey(DocumentContent.NeedsAssessment)
            ? FetchAsync(MeshResources.TechnicalCooperation, sources.GetNeedsAssessmentAsync, cancellationToken)
            : null;
        var toolkit = byContent.ContainsKey(DocumentContent.Toolkit)
            ? FetchAsync(MeshResources.TechnicalCooperation, sources.ListCoursesAsync, cancellationToken)
            : null;
        var names = FetchAsync(MeshResources.Directory, async (_, ct) => await register.TryGetAsync(ct), cancellationToken);
        await Task.WhenAll(new Task?[] { ratifications, changes, needs, toolkit, names }.OfType<Task>());

        var prose = new Prose(meeting, (await names).Value);
        var sections = new List<ReportSection>
        {
            Opening(meeting, previous),
            Officers(meeting, prose),
            Documents(docs),
        };
        if (ratifications is not null)
        {
            sections.Add(RatificationSection(meeting, prose, byContent[DocumentContent.RatificationStatus], await ratifications));
        }

        if (changes is not null)
        {
            sections.Add(PointsOfContactSection(meeting, prose, byContent[DocumentContent.PointsOfContact], await changes));
        }

        if (needs is not null)
        {
            sections.Add(NeedsSection(meeting, prose, byContent[DocumentContent.NeedsAssessment], await needs));
        }

        if (toolkit is not null)
        {
            sections.Add(ToolkitSection(meeting, prose, byContent[DocumentContent.Toolkit], await toolkit));
        }

        sections.Add(Proceedings(meeting, prose));
        sections.Add(WorkProgram(meeting, prose, docs));
        sections.Add(Participants(meeting, prose));
        sections.Add(Closing(meeting));

        var report = new ReportDocument($"Report of the {meeting.Title}", sections);
        var rendered = new RenderedReport(format, ReportDocument.ContentType(format), report.Render(format), sections);
        activity?.SetTag("report.partial_sections", string.Join(",", rendered.PartialSections));
        return rendered;
    }

    private async Task<Outcome<T>> FetchAsync<T>(string dependency, Func<DateTime, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var timeout = options.Value.DependencyTimeout;
        using var own = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        own.CancelAfter(timeout);
        try
        {
            // WaitAsync bounds the wait even if a call ignored its token.
            return new Outcome<T>(await call(DateTime.UtcNow + timeout, own.Token).WaitAsync(timeout, cancellationToken), null);
        }
        catch (DependencyUnavailableException e)
        {
            LogDependencyFailed(logger, dependency, e.Message);
            return new Outcome<T>(default, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
        {
            LogDependencyFailed(logger, dependency, "no answer in time");
            return new Outcome<T>(default, $"{dependency}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDependencyFailed(logger, dependency, e.GetType().Name);
            return new Outcome<T>(default, $"{dependency}: the call failed");
        }
    }

    private static ReportSection Opening(Meeting meeting, Meeting? previous)
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

    private static string Venue(Meeting meeting) => meeting.Venue.Length > 0 ? $", in {meeting.Venue}" : "";

    private static ReportSection Officers(Meeting meeting, Prose prose)
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

    private static ReportSection Documents(IReadOnlyList<DocumentView> docs)
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

    private static ReportSection RatificationSection(Meeting meeting, Prose prose, DocumentView document, Outcome<RatificationStatus> outcome)
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

    private static ReportSection PointsOfContactSection(Meeting meeting, Prose prose, DocumentView document, Outcome<IReadOnlyList<PointOfContactChange>> outcome)
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

    private static ReportSection NeedsSection(Meeting meeting, Prose prose, DocumentView document, Outcome<NeedsAssessment> outcome)
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

    private static ReportSection ToolkitSection(Meeting meeting, Prose prose, DocumentView document, Outcome<Toolkit> outcome)
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

    private static ReportSection Proceedings(Meeting meeting, Prose prose)
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

    private static ReportSection WorkProgram(Meeting meeting, Prose prose, IReadOnlyList<DocumentView> docs)
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

                foreach (var group in MeetingRecords.PositionsOn(meeting, c.Number).GroupBy(p => p.Stance))
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

    private static ReportSection Participants(Meeting meeting, Prose prose)
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

    private static ReportSection Closing(Meeting meeting) =>
        new("closing", "Closing",
        [
            new Paragraph(meeting.ClosedAt is { } closed
                ? $"There being no other business, at {Prose.Time(closed)}, the meeting was declared closed."
                : "The records do not say when the meeting closed."),
        ]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting report: {Dependency} did not answer ({Reason}); its section is marked unavailable")]
    private static partial void LogDependencyFailed(ILogger logger, string dependency, string reason);

    private readonly record struct Outcome<T>(T? Value, string? Failure);
}
