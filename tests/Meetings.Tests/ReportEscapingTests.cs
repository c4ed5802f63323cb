using System.Net;
using Markdig;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>User text in the records is text in every format: a Markdown link or HTML in it does not become a link or markup.</summary>
public sealed class ReportEscapingTests
{
    private const string Hostile = "Note <script>alert('x')</script> [x](http://evil) ![i](http://evil/i.png) **bold** <http://evil> http://evil.example www.evil.example mail@evil.example &lt;b&gt;";

    [Fact]
    public async Task A_record_holding_a_markdown_link_and_a_script_renders_as_its_words_in_markdown_html_and_text()
    {
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop");
        var secretariat = host.Meetings(TestKeys.Secretariat);
        await secretariat.RegisterDocumentAsync(new RegisterDocumentRequest
        {
            Document = new Document { Symbol = new DocumentSymbol { Normalized = "GT/DOT-II/doc.11/09" }, Title = Hostile, MeetingId = "gtdot-ii" },
            RequestId = "hostile-title",
        });

        async Task<string> RenderAsync(ReportFormat format) =>
            (await host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = format }, deadline: DateTime.UtcNow.AddSeconds(60))).Content;
        var markdown = await RenderAsync(ReportFormat.Markdown);
        var html = await RenderAsync(ReportFormat.Html);
        var text = await RenderAsync(ReportFormat.Text);

        // Markdown, read as GitHub would (autolinks, emphasis, raw HTML allowed): no link, image, script or emphasis comes out, and the words do.
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var fromMarkdown = Markdown.ToHtml(markdown, pipeline);
        Assert.DoesNotContain("<a ", fromMarkdown);
        Assert.DoesNotContain("<img", fromMarkdown);
        Assert.DoesNotContain("<script", fromMarkdown);
        Assert.DoesNotContain("<strong>", fromMarkdown);
        Assert.Contains($"GT/DOT-II/doc.11/09 — {Hostile}", Markdown.ToPlainText(markdown, pipeline));
        Assert.Contains(WebUtility.HtmlEncode(Hostile).Replace("&#39;", "'", StringComparison.Ordinal), fromMarkdown.Replace("&#39;", "'", StringComparison.Ordinal));

        // HTML: encoded, so the page holds the words and no element of the record's.
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<a ", html);
        Assert.Contains($"GT/DOT-II/doc.11/09 — {Hostile}", WebUtility.HtmlDecode(html));

        // Text: the words as they are.
        Assert.Contains(Hostile, SeedReportTests.Flat(text));
    }

    [Fact]
    public async Task A_javascript_link_and_an_image_in_a_title_and_an_owner_stay_words_in_markdown_and_html()
    {
        const string Link = "[click](javascript:alert(1))";
        const string Image = "![x](http://evil)";
        const string Reference = "[ref][1] and <b onmouseover=alert(1)>hover</b>";
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop");
        var secretariat = host.Meetings(TestKeys.Secretariat);
        await secretariat.RegisterDocumentAsync(new RegisterDocumentRequest
        {
            Document = new Document { Symbol = new DocumentSymbol { Normalized = "GT/DOT-II/doc.13/09" }, Title = $"{Link} {Image}", MeetingId = "gtdot-ii" },
        });
        var followUp = (await secretariat.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps.First(f => f.Owner.Length > 0);
        await secretariat.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = followUp.Name, Etag = followUp.Etag, Owner = $"{Link} {Image} {Reference}\n\n[1]: http://evil" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "owner" } },
        });

        async Task<string> RenderAsync(ReportFormat format) =>
            (await host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = format }, deadline: DateTime.UtcNow.AddSeconds(60))).Content;
        var markdown = await RenderAsync(ReportFormat.Markdown);
        var html = await RenderAsync(ReportFormat.Html);

        var fromMarkdown = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        foreach (var rendered in new[] { fromMarkdown, html })
        {
            Assert.DoesNotContain("<a ", rendered);
            Assert.DoesNotContain("<img", rendered);
            Assert.DoesNotContain("<b ", rendered);
            Assert.DoesNotContain("href=\"javascript", rendered, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(Link, WebUtility.HtmlDecode(fromMarkdown));
        Assert.Contains(Image, WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("# not a heading")]
    [InlineData("1. not a list")]
    [InlineData("12) not a list either")]
    [InlineData("- not a bullet")]
    [InlineData("+ nor this")]
    [InlineData("> not a quotation")]
    [InlineData("=== not an underline")]
    [InlineData("snake_case_words and *stars* and `code` and ~~strike~~ and | a | b |")]
    [InlineData("a line\nbroken # in two")]
    public void Markdown_reads_any_text_as_that_text(string text)
    {
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var escaped = Application.Reports.MarkdownReportWriter.Escape(text);

        var html = Markdown.ToHtml(escaped, pipeline);
        Assert.Matches("^<p>[^<]*</p>\n$", html);
        Assert.Equal(text.Replace('\n', ' '), Markdown.ToPlainText(escaped, pipeline).TrimEnd('\n'));
    }
}

