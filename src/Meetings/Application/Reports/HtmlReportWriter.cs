using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The report as a printable HTML page: the organization's document header, the title, the sections.
/// Every text is HTML-encoded; the page carries its own style sheet, for screen and print.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        @page { size: letter; margin: 2.5cm 2.5cm 2cm; }
        html { background: #f2f2f2; }
        body { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 12pt; line-height: 1.45;
               color: #000; background: #fff; max-width: 16.5cm; margin: 1.5rem auto; padding: 2.5cm 2.5cm 2cm; box-sizing: content-box; }
        header.document { display: flex; justify-content: space-between; gap: 2em; font-size: 11pt; line-height: 1.3; }
        header.document .issuer { text-transform: uppercase; }
        header.document .identification { text-align: left; white-space: nowrap; }
        .meeting { text-align: center; margin: 2.5em 0 1.5em; }
        h1 { font-size: 12pt; text-align: center; text-transform: uppercase; margin: 0 0 2em; }
        h2 { font-size: 12pt; text-transform: uppercase; margin: 1.8em 0 0.8em; break-after: avoid; }
        p { text-align: justify; margin: 0 0 1em; orphans: 3; widows: 3; }
        ul.documents { list-style: none; padding: 0; margin: 0; }
        ul.documents li { margin: 0 0 0.3em; padding-left: 2em; text-indent: -2em; }
        @media print { html { background: none; } body { margin: 0; padding: 0; max-width: none; } }
        """;

    public static string Write(ReportDocument report)
    {
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Html.Encode(report.Header.Symbol)).Append(" — ").Append(Html.Encode(report.Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n");
        s.Append("<header class=\"document\">\n<div class=\"issuer\">").Append(Lines(report.Header.Issuer)).Append("</div>\n")
            .Append("<div class=\"identification\">").Append(Lines(report.Header.Identification)).Append("</div>\n</header>\n");
        s.Append("<div class=\"meeting\">").Append(Lines(report.Header.Meeting)).Append("</div>\n");
        s.Append("<h1>").Append(Html.Encode(report.Title)).Append("</h1>\n");
        foreach (var section in report.Sections)
        {
            s.Append("<section id=\"").Append(Html.Encode(section.Id)).Append('"');
            if (!section.Available)
            {
                s.Append(" class=\"incomplete\"");
            }

            s.Append(">\n<h2>").Append(Html.Encode(section.Title)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.Append("<p>").Append(Html.Encode(p.Text)).Append("</p>\n");
                        break;
                    case BulletList list:
                        s.Append("<ul class=\"documents\">\n");
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

    private static string Lines(IEnumerable<string> lines) => string.Join("<br>", lines.Select(l => Html.Encode(l)));
}
