using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TocMesh.Meetings.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// Rebuilds a meeting's report from its records, and from the services that own the rest: the status
/// of ratifications as of the meeting's date (Treaty), the changes to points of contact the meeting
/// opened (Directory), the needs assessment and the toolkit (TechnicalCooperation). Those calls run in
/// parallel, each with its own deadline; one that fails or is late leaves the section where its
/// material belongs marked incomplete (the text says what could not be obtained) and the report is
/// rendered all the same.
/// </summary>
public sealed partial class MeetingReportBuilder(
    MeetingRecords records,
    DocumentRegistry documents,
    IReportSources sources,
    MemberStateRegister register,
    IOptions<ReportOptions> options,
    TimeProvider clock,
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
        var inputs = new ReportInputs(
            byContent,
            ratifications is null ? null : await ratifications,
            changes is null ? null : await changes,
            needs is null ? null : await needs,
            toolkit is null ? null : await toolkit,
            clock.Today());
        var sections = new MeetingNarrative(prose, new ComputedPassages(prose, inputs), previous).Sections().ToList();
        if (docs.Count > 0)
        {
            sections.Add(DocumentIndex.Section(docs));
        }

        var report = new ReportDocument(Header(meeting, docs, inputs.Today), $"Report of the {meeting.Title}", sections);
        var rendered = new RenderedReport(format, ReportDocument.ContentType(format), report.Render(format), sections);
        activity?.SetTag("report.partial_sections", string.Join(",", rendered.PartialSections));
        return rendered;
    }

    /// <summary>
    /// The organization's header: the issuing body; the report's symbol in the meeting's series, with
    /// "xx" for the number the secretariat has yet to assign; the day it is written; its original
    /// language; the meeting, its date and place.
    /// </summary>
    private static ReportHeader Header(Meeting meeting, IReadOnlyList<DocumentView> docs, DateOnly today)
    {
        var body = meeting.Body.StartsWith("OAS ", StringComparison.Ordinal) ? meeting.Body[4..] : meeting.Body;
        var series = DocumentIndex.Ordered(docs).FirstOrDefault(d => d.Symbol.Kind == SymbolKind.SeriesDocument)?.Symbol;
        var yy = (today.Year % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var symbol = series is null ? "Symbol not yet assigned" : $"{series.Organ}/{series.Body}/doc. xx/{yy}";
        var when = meeting.DatePrecisionYearOnly ? meeting.StartDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : Prose.Date(meeting.StartDate);
        var lines = new List<string> { meeting.Title, when };
        if (meeting.Venue.Length > 0)
        {
            lines.Add(meeting.Venue);
        }

        return new ReportHeader(["Organization of American States", body], symbol, Prose.HeaderDate(today), "English", lines);
    }

    private async Task<SourceOutcome<T>> FetchAsync<T>(string dependency, Func<DateTime, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var timeout = options.Value.DependencyTimeout;
        using var own = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        own.CancelAfter(timeout);
        try
        {
            // WaitAsync bounds the wait even if a call ignored its token. The deadline is on the wall
            // clock, not the registered one: gRPC compares deadlines with the system time.
            return new SourceOutcome<T>(await call(DateTime.UtcNow + timeout, own.Token).WaitAsync(timeout, cancellationToken), null);
        }
        catch (DependencyUnavailableException e)
        {
            LogDependencyFailed(logger, dependency, e.Message);
            return new SourceOutcome<T>(default, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
        {
            LogDependencyFailed(logger, dependency, "no answer in time");
            return new SourceOutcome<T>(default, $"{dependency}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDependencyFailed(logger, dependency, e.GetType().Name);
            return new SourceOutcome<T>(default, $"{dependency}: the call failed");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting report: {Dependency} did not answer ({Reason}); its section is marked unavailable")]
    private static partial void LogDependencyFailed(ILogger logger, string dependency, string reason);
}
