using System.Globalization;
using System.Text.RegularExpressions;
using TocMesh.Meetings.V1;
using DirectoryV1 = TocMesh.Directory.V1;

namespace TocMesh.Meetings.Tests;

/// <summary>
/// The report of the second meeting in the organization's register: no tags, ids, service names or
/// database states in its sentences; nothing stated that the records do not hold; computed material
/// where the meeting heard the matter; documents and delegations in their natural order.
/// </summary>
public sealed partial class ReportWordingTests(MeshFixture mesh) : IClassFixture<MeshFixture>
{
    private async Task<string> MarkdownAsync() =>
        (await mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(60))).Content;

    [Fact]
    public async Task No_bracketed_tag_id_service_name_or_database_state_reaches_the_text()
    {
        var report = await MarkdownAsync();

        Assert.DoesNotMatch(@"[\[\]]", report);
        Assert.DoesNotMatch(@"#\d", report);
        foreach (var word in new[]
        {
            "Treaty service", "Directory service", "TechnicalCooperation", "techcoop", "Meetings service", "the service", "gRPC",
            "not registered", "Unavailable", "change request", "under consideration", "in progress", "status:", "due:",
            "(guest)", "national point of contact", "revision 1 of",
        })
        {
            Assert.DoesNotContain(word, report, StringComparison.OrdinalIgnoreCase);
        }

        // Ids of the records (meetings, instruments, proposals, participants) are not words of the report.
        foreach (var id in new[] { "gtdot-ii", "untoc", "mla-directory", "portal-in-gs-site", "addor-neto", "general-secretariat" })
        {
            Assert.DoesNotContain(id, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_deadline_or_count_is_stated_that_the_records_do_not_hold()
    {
        var report = await MarkdownAsync();

        // The Directory gives every change request a due date by its own policy; none was decided at the meeting.
        var directory = mesh.Host.Directory.Client<DirectoryV1.DirectoryService.DirectoryServiceClient>();
        var requests = (await directory.ListChangeRequestsAsync(new DirectoryV1.ListChangeRequestsRequest { SourceMeetingId = "gtdot-ii", PageSize = 100 })).ChangeRequests;
        Assert.Equal(8, requests.Count);
        foreach (var due in requests.Select(r => new DateOnly(r.DueOn.Year, r.DueOn.Month, r.DueOn.Day)).Distinct())
        {
            Assert.DoesNotContain(due.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), report);
        }

        Assert.DoesNotMatch(@"\bdue\b", report);
        Assert.DoesNotMatch(@"\b0\b|\bzero\b|\bno courses\b|\bnone are listed\b", report);

        // The toolkit is an inventory the records do not list; the assessment's needs are not recorded either.
        Assert.Contains("(GT/DOT-II/doc.7/09 corr. 1). The courses and workshops it lists are not recorded.", report);
        Assert.Contains("(GT/DOT-II/doc.6/09 corr. 1). The needs it sets out are not recorded; three needs raised in the meeting’s discussions are recorded, none of them yet met.", report);
    }

    [Fact]
    public async Task Computed_material_sits_where_the_meeting_heard_it_and_says_what_it_is()
    {
        var report = await MarkdownAsync();
        int At(string text)
        {
            var i = report.IndexOf(text, StringComparison.Ordinal);
            Assert.True(i >= 0, $"not in the report: {text}");
            return i;
        }

        Assert.True(At("(GT/DOT-II/doc.5/09 corr. 1). The status on October 7, 2009, as computed from the treaty records") < At("Twenty-nine OAS member states"));
        var seven = At("The representatives of Colombia, Costa Rica, Guatemala, Mexico, Paraguay, Peru, and Saint Kitts and Nevis reported changes");
        var state = At("none of these new points of contact is yet recorded in the Directory.");
        Assert.True(seven < state && state < At("The United States indicated that greater efforts"));
        Assert.True(At("hoped to forward the points of contact information") < At("no new point of contact for Ecuador is recorded in the Directory."));
        Assert.True(At("The needs it sets out") < At("presented the technical cooperation “toolkit”"));
        Assert.Matches(@"As of [A-Z][a-z]+ \d{1,2}, \d{4}, none of these new points of contact", report);
    }

    [Fact]
    public async Task Ecuador_is_not_among_the_seven_delegations_that_reported_changes()
    {
        var report = await MarkdownAsync();

        var sentence = report[report.IndexOf("The representatives of", StringComparison.Ordinal)..];
        sentence = sentence[..(sentence.IndexOf('.', StringComparison.Ordinal) + 1)];
        Assert.DoesNotContain("Ecuador", sentence);
        Assert.Contains("Ecuador also considered it important to avoid duplication of effort", report);
    }

    [Fact]
    public async Task Documents_are_listed_by_series_and_number_and_delegations_alphabetically()
    {
        var report = await MarkdownAsync();

        var documents = report[report.IndexOf("## Documents", StringComparison.Ordinal)..].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..l.IndexOf(" — ", StringComparison.Ordinal)]);
        Assert.Equal(
            ["GT/DOT-II/doc.2/08 rev. 1", "GT/DOT-II/doc.5/09 corr. 1", "GT/DOT-II/doc.6/09 corr. 1", "GT/DOT-II/doc.7/09 corr. 1", "GT/DOT-II/doc.9/09", "GT/DOT-II/doc.10/09", "CP/CSH-1018/08", "AG/RES. 2490 (XXXIX-O/09)"],
            documents);
        foreach (Match group in Groups().Matches(report))
        {
            var names = group.Groups["names"].Value.Replace(", and ", ", ", StringComparison.Ordinal).Replace(" and Nevis", "\u00a0Nevis", StringComparison.Ordinal)
                .Split([", ", " and "], StringSplitOptions.None).Select(n => n.Replace('\u00a0', ' ')).ToList();
            Assert.Equal(names.Order(StringComparer.InvariantCulture), names);
        }

        Assert.Contains("Nicaragua and Peru supported the creation of a directory", report);
    }

    /// <summary>Delegations named together as one subject: "The representatives of A, B, and C" or "A and B supported".</summary>
    [GeneratedRegex(@"(?:The representatives of (?<names>[^.]+?) reported|(?<names>[A-Z][a-z]+ and [A-Z][a-z]+) supported)")]
    private static partial Regex Groups();
}
