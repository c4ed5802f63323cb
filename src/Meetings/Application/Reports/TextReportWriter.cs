using System.Text;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>The report as plain text, wrapped to a page width, with the header in two columns.</summary>
internal static class TextReportWriter
{
    private const int Width = 78;

    public static string Write(ReportDocument report)
    {
        var s = new StringBuilder();
        var left = report.Header.Issuer.Select(l => l.ToUpperInvariant()).ToList();
        var right = report.Header.Identification;
        var rightWidth = right.Max(l => l.Length);
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var l = i < left.Count ? left[i] : "";
            var r = i < right.Count ? right[i] : "";
            s.Append(l.PadRight(Math.Max(l.Length + 2, Width - rightWidth))).Append(r).Append('\n');
        }

        s.Append('\n');
        foreach (var line in report.Header.Meeting)
        {
            s.Append(Centred(line)).Append('\n');
        }

        s.Append('\n');
        foreach (var line in Wrap(report.Title.ToUpperInvariant(), Width))
        {
            s.Append(Centred(line)).Append('\n');
        }

        s.Append('\n');
        foreach (var section in report.Sections)
        {
            s.Append(section.Title.ToUpperInvariant()).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        s.AppendJoin('\n', Wrap(p.Text, Width)).Append("\n\n");
                        break;
                    case BulletList list:
                        foreach (var item in list.Items)
                        {
                            var lines = Wrap(item, Width - 4);
                            s.Append("  - ").AppendJoin("\n    ", lines).Append('\n');
                        }

                        s.Append('\n');
                        break;
                }
            }
        }

        return s.ToString().TrimEnd() + "\n";
    }

    private static string Centred(string line) => line.Length >= Width ? line : new string(' ', (Width - line.Length) / 2) + line;

    /// <summary>The text in lines of at most <paramref name="width"/> characters, broken between words.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
