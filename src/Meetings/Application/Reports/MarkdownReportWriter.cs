using System.Text;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// The report as Markdown. Every text is escaped so that Markdown (CommonMark, and GitHub's autolinks)
/// reads it as the words it is: no emphasis, link, image, autolink, raw HTML, heading or list can come
/// out of a record.
/// </summary>
internal static class MarkdownReportWriter
{
    /// <summary>Characters that open emphasis, code, links, raw HTML, entities, tables or strikethrough wherever they stand.</summary>
    private const string AlwaysEscaped = "\\`*_[]<>|~&@";

    public static string Write(ReportDocument report)
    {
        var s = new StringBuilder();
        Lines(s, report.Header.Issuer.Select(l => l.ToUpperInvariant()));
        Lines(s, report.Header.Identification);
        Lines(s, report.Header.Meeting);
        s.Append("# ").Append(Escape(report.Title)).Append("\n\n");
        foreach (var section in report.Sections)
        {
            s.Append("## ").Append(Escape(section.Title)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.Append(Escape(p.Text)).Append("\n\n");
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
    }

    /// <summary>A block of short lines kept apart by hard line breaks.</summary>
    private static void Lines(StringBuilder s, IEnumerable<string> lines)
    {
        s.Append(string.Join("  \n", lines.Select(Escape))).Append("\n\n");
    }

    /// <summary>One line of plain text as Markdown that renders to that same text.</summary>
    public static string Escape(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var e = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (AlwaysEscaped.Contains(c)
                || (i == 0 && c is '#' or '-' or '+' or '=')
                || (c is '.' or ')' && AllDigitsBefore(line, i))
                || (c == ':' && i + 2 < line.Length && line[i + 1] == '/' && line[i + 2] == '/')
                || (c == '.' && i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                e.Append('\\');
            }

            e.Append(c);
        }

        return e.ToString();
    }

    /// <summary>"12." or "3)" at the start of a line would begin an ordered list.</summary>
    private static bool AllDigitsBefore(string line, int index) =>
        index > 0 && index <= 9 && line.AsSpan(0, index).IndexOfAnyExceptInRange('0', '9') < 0;
}
