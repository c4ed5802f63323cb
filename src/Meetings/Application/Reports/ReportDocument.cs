using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>A report as a list of sections, rendered to Markdown, HTML or plain text.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html",
        ReportFormat.Text => "text/plain",
        _ => "text/markdown",
    };

    public string Render(ReportFormat format) => format switch
    {
        ReportFormat.Html => RenderHtml(),
        ReportFormat.Text => RenderText(),
        _ => RenderMarkdown(),
    };

    private string RenderMarkdown()
    {
        var s = new StringBuilder();
        s.Append("# ").Append(Escape(Title)).Append("\n\n");
        foreach (var section in Sections)
        {
            s.Append("## ").Append(Escape(section.Title)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.Append(Escape(p.Text)).Append("\n\n");
                        break;
                    case Subheading h:
                        s.Append("### ").Append(Escape(h.Text)).Append("\n\n");
                        break;
                    case BulletList list:
                        foreach (var item in list.Items)
                        {
                            s.Append("- ").Append(Escape(item)).Append('\n');
                        }

                        s.Append('\n');
                        break;
                }
            }
        }

        return s.ToString().TrimEnd() + "\n";

        // Only what Markdown would read as emphasis, code or HTML is escaped; the words stay as recorded.
        static string Escape(string text)
        {
            var e = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is '*' or '_' or '`' or '\\' or '<' or '>')
                {
                    e.Append('\\');
                }

                e.Append(c);
            }

            return e.ToString();
        }
    }

    private string RenderHtml()
    {
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(Html.Encode(Title)).Append("</title></head>\n<body>\n");
        s.Append("<h1>").Append(Html.Encode(Title)).Append("</h1>\n");
        foreach (var section in Sections)
        {
            s.Append("<section id=\"").Append(Html.Encode(section.Id)).Append('"');
            if (!section.Available)
            {
                s.Append(" class=\"unavailable\"");
            }

            s.Append(">\n<h2>").Append(Html.Encode(section.Title)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.Append("<p>").Append(Html.Encode(p.Text)).Append("</p>\n");
                        break;
                    case Subheading h:
                        s.Append("<h3>").Append(Html.Encode(h.Text)).Append("</h3>\n");
                        break;
                    case BulletList list:
                        s.Append("<ul>\n");
                        foreach (var item in list.Items)
                        {
                            s.Append("<li>").Append(Html.Encode(item)).Append("</li>\n");
                        }

                        s.Append("</ul>\n");
                        break;
                }
            }

            s.Append("</section>\n");
        }

        return s.Append("</body>\n</html>\n").ToString();
    }

    private string RenderText()
    {
        var s = new StringBuilder();
        s.Append(Title).Append('\n').Append(new string('=', Title.Length)).Append("\n\n");
        foreach (var section in Sections)
        {
            s.Append(section.Title).Append('\n').Append(new string('-', section.Title.Length)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.Append(p.Text).Append("\n\n");
                        break;
                    case Subheading h:
                        s.Append(h.Text).Append('\n').Append(new string('~', h.Text.Length)).Append("\n\n");
                        break;
                    case BulletList list:
                        foreach (var item in list.Items)
                        {
                            s.Append("  * ").Append(item).Append('\n');
                        }

                        s.Append('\n');
                        break;
                }
            }
        }

        return s.ToString().TrimEnd() + "\n";
    }
}
