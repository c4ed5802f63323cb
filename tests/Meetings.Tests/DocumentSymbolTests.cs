using System.Text;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Tests;

/// <summary>The organization's document symbols: parsed, normalized, and refused with the place of the fault.</summary>
public sealed class DocumentSymbolTests
{
    private const int Cases = 4000;

    [Theory]
    [InlineData("GT/DOT-II/doc.5/09 corr. 1", SymbolKind.SeriesDocument, "GT", "DOT-II", 5, 2009, 0, 0, 1, "GT/DOT-II/doc.5/09")]
    [InlineData("GT/DOT-II/doc.2/08 rev. 1", SymbolKind.SeriesDocument, "GT", "DOT-II", 2, 2008, 1, 0, 0, "GT/DOT-II/doc.2/08")]
    [InlineData("CP/CSH-1018/08", SymbolKind.CommitteeDocument, "CP", "CSH", 1018, 2008, 0, 0, 0, "CP/CSH-1018/08")]
    [InlineData("GT/DOT-II/doc.10/09", SymbolKind.SeriesDocument, "GT", "DOT-II", 10, 2009, 0, 0, 0, "GT/DOT-II/doc.10/09")]
    [InlineData("GT/DOT-II/doc.7/09 add. 2", SymbolKind.SeriesDocument, "GT", "DOT-II", 7, 2009, 0, 2, 0, "GT/DOT-II/doc.7/09")]
    public void The_seed_report_symbols_parse_into_their_parts(
        string text, SymbolKind kind, string organ, string body, int number, int year, int rev, int add, int corr, string baseSymbol)
    {
        var symbol = DocumentSymbol.Parse(text);

        Assert.Equal((kind, organ, body, number, year), (symbol.Kind, symbol.Organ, symbol.Body, symbol.Number, symbol.Year));
        Assert.Equal((rev, add, corr), (symbol.Revision, symbol.Addendum, symbol.Corrigendum));
        Assert.Equal(text, symbol.Normalized);
        Assert.Equal(baseSymbol, symbol.BaseSymbol);
    }

    [Fact]
    public void A_regular_session_resolution_carries_its_session_and_the_year_1970_plus_its_number()
    {
        var symbol = DocumentSymbol.Parse("AG/RES. 2490 (XXXIX-O/09)");

        Assert.Equal(SymbolKind.Resolution, symbol.Kind);
        Assert.Equal(("AG", 2490, 39, AssemblySessionKind.Regular, 2009), (symbol.Organ, symbol.Number, symbol.Session, symbol.SessionKind, symbol.Year));
        Assert.Equal("AG/RES. 2490 (XXXIX-O/09)", symbol.Normalized);
    }

    [Theory]
    [InlineData("gt/dot-ii/DOC.5/09 CORR.1", "GT/DOT-II/doc.5/09 corr. 1")]
    [InlineData("  GT/DOT-II/doc. 5/09   corr.   1 ", "GT/DOT-II/doc.5/09 corr. 1")]
    [InlineData("GT/DOT-II/doc.005/09 corr 1", "GT/DOT-II/doc.5/09 corr. 1")]
    [InlineData("ag/res.2490(xxxix-o/09)", "AG/RES. 2490 (XXXIX-O/09)")]
    [InlineData("cp/csh-1018/08 rev.2", "CP/CSH-1018/08 rev. 2")]
    [InlineData("CP/RES. 908 (1567/06)", "CP/RES. 908 (1567/06)")]
    public void Any_spelling_normalizes_to_one_symbol(string text, string normalized) =>
        Assert.Equal(normalized, DocumentSymbol.Parse(text).Normalized);

    [Fact]
    public void A_corrigendum_of_a_revision_amends_the_revision_and_keeps_the_original_as_its_base()
    {
        var symbol = DocumentSymbol.Parse("GT/DOT-II/doc.2/08 rev. 1 corr. 2");

        Assert.Equal("GT/DOT-II/doc.2/08 rev. 1", symbol.AmendsSymbol);
        Assert.Equal("GT/DOT-II/doc.2/08", symbol.BaseSymbol);
        Assert.Null(DocumentSymbol.Parse(symbol.BaseSymbol).AmendsSymbol);
    }

    [Theory]
    [InlineData("GT/DOT-II/doc.5/9 corr. 1", 17, "two digits")]
    [InlineData("GT/DOT-II/doc./09", 15, "document's number")]
    [InlineData("GT/DOT-II/doc.5/09 corr. 1 rev. 1", 28, "must come before")]
    [InlineData("GT/DOT-II/doc.5/09 corr. 1 corr. 2", 28, "appears twice")]
    [InlineData("GT/DOT-II/doc.5/09 err. 1", 20, "is not \"rev.\"")]
    [InlineData("GT/DOT-II/doc.0/09", 15, "at least 1")]
    [InlineData("GT/DOT-II/memo.5/09", 11, "expected \"doc.\"")]
    [InlineData("GT DOT-II/doc.5/09", 3, "\"/\" after the organ")]
    [InlineData("AG/RES. 2490 (XXXIX-O/08)", 23, "1970 + 39")]
    [InlineData("AG/RES. 2490 (IIX-O/09)", 15, "Roman numeral")]
    [InlineData("AG/RES. 2490 (XXXIX-Q/09)", 21, "\"O\" (regular)")]
    [InlineData("AG/RES. 2490 (XXXIX-O/09", 25, "\")\"")]
    [InlineData("GT/RES. 12 (XXXIX-O/09)", 4, "resolutions are recognized")]
    [InlineData("CP/CSH-1018/08)", 15, "unexpected")]
    [InlineData("/DOT-II/doc.5/09", 1, "organ")]
    [InlineData("GT/DOT-II/doc.5/09 corr.", 25, "number")]
    public void A_malformed_symbol_is_refused_saying_what_is_wrong_and_at_which_character(string text, int position, string? says)
    {
        var e = Assert.Throws<ValidationException>(() => DocumentSymbol.Parse(text));
        var violation = Assert.Single(e.Violations);

        Assert.Equal("symbol", violation.Field);
        Assert.StartsWith($"at character {position} ", violation.Description);
        if (says is not null)
        {
            Assert.Contains(says, violation.Description);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_symbol_is_required(string? text) =>
        Assert.Contains("is required", Assert.Throws<ValidationException>(() => DocumentSymbol.Parse(text)).Violations[0].Description);

    [Fact]
    public void Every_generated_valid_symbol_round_trips_through_its_normalized_form_and_any_spelling_of_it()
    {
        var random = new Random(20091007);
        for (var i = 0; i < Cases; i++)
        {
            var expected = RandomSymbol(random);
            var canonical = expected.Normalized;

            var parsed = DocumentSymbol.Parse(canonical);
            Assert.Equal(expected, parsed);
            Assert.Equal(canonical, parsed.Normalized);

            var respelled = Respell(canonical, random);
            var reparsed = DocumentSymbol.Parse(respelled);
            Assert.True(expected == reparsed, $"\"{respelled}\" parsed as {reparsed.Normalized}, expected {canonical}");

            Assert.Equal(expected with { Revision = 0, Addendum = 0, Corrigendum = 0 }, DocumentSymbol.Parse(parsed.BaseSymbol));
            if (parsed.AmendsSymbol is { } amends)
            {
                Assert.StartsWith(amends + " ", canonical);
            }
        }
    }

    [Fact]
    public void Every_generated_corruption_of_a_valid_symbol_is_refused_at_the_corrupted_character()
    {
        var random = new Random(2490);
        var corruptions = new (string Name, Func<string, Random, (string Text, int Position)?> Apply)[]
        {
            ("a one-digit year", (s, r) => ReplaceYear(s, y => y[1..])),
            ("a three-digit year", (s, r) => ReplaceYear(s, y => y + r.Next(10))),
            ("a letter in a number", (s, r) => ReplaceFirstDigitRun(s, r)),
            ("a forbidden character after the symbol", (s, r) => (s + "#", s.Length)),
            ("a space before a slash", (s, r) => s.IndexOf('/') is var i and > 0 ? (s[..i] + " " + s[i..], i) : null),
            ("an amendment repeated", (s, r) => (s + " rev. 1 rev. 2", s.Length + 8)),
        };

        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var symbol = RandomSymbol(random) with { Revision = 0, Addendum = 0, Corrigendum = 0 };
            var (name, apply) = corruptions[random.Next(corruptions.Length)];
            if (apply(symbol.Normalized, random) is not var (text, position))
            {
                continue;
            }

            var e = Assert.Throws<ValidationException>(() => DocumentSymbol.Parse(text));
            var description = e.Violations[0].Description;
            Assert.True(description.StartsWith($"at character {position + 1} ", StringComparison.Ordinal),
                $"{name}: \"{text}\" was refused with \"{description}\", expected the fault at character {position + 1}");
            refused++;
        }

        Assert.True(refused > Cases * 0.9, $"only {refused} corruptions were tried");
    }

    [Fact]
    public void Random_text_is_either_refused_with_a_position_or_parsed_into_a_symbol_that_round_trips()
    {
        var random = new Random(1018);
        const string alphabet = "GTDOCPRSAEHIVXLoderv.corradd/-() 0123456789#";
        var accepted = 0;
        for (var i = 0; i < Cases; i++)
        {
            // Half the cases start from a valid symbol with one character changed, so the parser is pushed past its first check.
            string text;
            if (random.Next(2) == 0)
            {
                var chars = RandomSymbol(random).Normalized.ToCharArray();
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                text = new string(chars);
            }
            else
            {
                text = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            }

            if (DocumentSymbol.TryParse(text, out var symbol, out var error))
            {
                accepted++;
                Assert.Equal(symbol, DocumentSymbol.Parse(symbol!.Normalized));
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                Assert.Matches(@"^at character \d+ \(", error!);
            }
        }

        Assert.InRange(accepted, 1, Cases - 1);
    }

    [Fact]
    public void Roman_numerals_round_trip_and_non_standard_forms_are_refused()
    {
        for (var n = 1; n < 4000; n++)
        {
            Assert.Equal(n, RomanNumerals.Parse(RomanNumerals.Format(n)));
        }

        Assert.All(new[] { "IIII", "VX", "IC", "XXXXX", "MMMM", "ABC", "" }, s => Assert.Equal(0, RomanNumerals.Parse(s)));
    }

    private static DocumentSymbol RandomSymbol(Random r)
    {
        var kind = (SymbolKind)r.Next(1, 4);
        var organ = kind == SymbolKind.Resolution ? (r.Next(2) == 0 ? "AG" : "CP") : Letters(r, r.Next(1, 5));
        var yy = r.Next(0, 100);
        var year = DocumentSymbol.FullYear(yy);
        var body = "";
        var session = 0;
        var sessionKind = AssemblySessionKind.None;
        switch (kind)
        {
            case SymbolKind.SeriesDocument:
                body = Letters(r, r.Next(1, 6)) + (r.Next(2) == 0 ? "" : "-" + (r.Next(2) == 0 ? RomanNumerals.Format(r.Next(1, 20)) : Letters(r, 2) + r.Next(10)));
                break;
            case SymbolKind.CommitteeDocument:
                body = Letters(r, r.Next(2, 6));
                break;
            default:
                if (organ == "AG")
                {
                    sessionKind = r.Next(3) == 0 ? AssemblySessionKind.Special : AssemblySessionKind.Regular;
                    session = sessionKind == AssemblySessionKind.Regular ? r.Next(1, 78) : r.Next(1, 60);
                    if (sessionKind == AssemblySessionKind.Regular)
                    {
                        year = DocumentSymbol.RegularSessionYear(session);
                    }
                }
                else
                {
                    session = r.Next(1, 3000);
                }

                break;
        }

        // "RES" as a series body would read as a resolution; the organization has no such body.
        if (body.StartsWith("RES", StringComparison.Ordinal))
        {
            body = "X" + body;
        }

        int Amendment() => r.Next(3) == 0 ? r.Next(1, 12) : 0;
        return new DocumentSymbol(kind, organ, body, r.Next(1, DocumentSymbol.MaxNumber + 1), year, session, sessionKind, Amendment(), Amendment(), Amendment());
    }

    private static string Letters(Random r, int n) => new(Enumerable.Range(0, n).Select(_ => (char)('A' + r.Next(26))).ToArray());

    /// <summary>The same symbol as people type it: any case, spaces dropped or doubled after dots, leading zeros.</summary>
    private static string Respell(string canonical, Random r)
    {
        var s = new StringBuilder();
        for (var i = 0; i < canonical.Length; i++)
        {
            var c = canonical[i];
            if (c == ' ' && i > 0 && canonical[i - 1] == '.')
            {
                s.Append(r.Next(3) switch { 0 => "", 1 => " ", _ => "   " });
                continue;
            }

            if (c == ' ' && i + 1 < canonical.Length && canonical[i + 1] == '(')
            {
                s.Append(r.Next(2) == 0 ? "" : " ");
                continue;
            }

            s.Append(r.Next(2) == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
        }

        return (r.Next(2) == 0 ? " " : "") + s + (r.Next(2) == 0 ? "  " : "");
    }

    private static (string, int)? ReplaceYear(string s, Func<string, string> change)
    {
        // The two-digit year follows the last "/" of the symbol proper.
        var slash = s.LastIndexOf('/');
        var yearEnd = slash + 3;
        var year = s.Substring(slash + 1, 2);
        return (s[..(slash + 1)] + change(year) + s[yearEnd..], slash + 1);
    }

    private static (string, int)? ReplaceFirstDigitRun(string s, Random r)
    {
        var i = s.IndexOfAny("0123456789".ToCharArray());
        return i < 0 ? null : (s[..i] + "#" + s[(i + 1)..], i);
    }
}
