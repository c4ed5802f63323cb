using System.Globalization;
using System.Text;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Domain;

/// <summary>What kind of document a symbol names (values match the contract's SymbolKind).</summary>
public enum SymbolKind
{
    SeriesDocument = 1,
    CommitteeDocument = 2,
    Resolution = 3,
}

/// <summary>The kind of a General Assembly session (values match the contract's AssemblySessionKind).</summary>
public enum AssemblySessionKind
{
    None = 0,
    Regular = 1,
    Special = 2,
}

/// <summary>
/// A document symbol of the organization, taken apart:
/// <c>GT/DOT-II/doc.5/09 corr. 1</c> (a document of a body's series), <c>CP/CSH-1018/08</c> (a committee
/// document), <c>AG/RES. 2490 (XXXIX-O/09)</c> (a General Assembly resolution of the 39th regular
/// session: a regular session's year is 1970 + its number), <c>CP/RES. 908 (1567/06)</c> (a Permanent
/// Council resolution, with the Council's meeting number). Revisions, addenda and corrigenda follow, in
/// that order: <c> rev. 1</c>, <c> add. 1</c>, <c> corr. 1</c>.
/// </summary>
public sealed record DocumentSymbol(
    SymbolKind Kind,
    string Organ,
    string Body,
    int Number,
    int Year,
    int Session,
    AssemblySessionKind SessionKind,
    int Revision,
    int Addendum,
    int Corrigendum)
{
    public const int MaxLength = 100;
    public const int MaxNumber = 99_999;

    /// <summary>The organization was founded in 1948: two-digit years from 48 are 19xx, below are 20xx.</summary>
    public static int FullYear(int twoDigits) => twoDigits >= 48 ? 1900 + twoDigits : 2000 + twoDigits;

    /// <summary>The year of a regular session of the General Assembly (the first was held in 1971).</summary>
    public static int RegularSessionYear(int session) => 1970 + session;

    public string Normalized => Format(Revision, Addendum, Corrigendum);

    /// <summary>The original document, with no revision, addendum or corrigendum.</summary>
    public string BaseSymbol => Format(0, 0, 0);

    public bool IsAmendment => Revision > 0 || Addendum > 0 || Corrigendum > 0;

    /// <summary>The document this one directly amends (its last part removed); null for an original.</summary>
    public string? AmendsSymbol =>
        Corrigendum > 0 ? Format(Revision, Addendum, 0)
        : Addendum > 0 ? Format(Revision, 0, 0)
        : Revision > 0 ? Format(0, 0, 0)
        : null;

    public override string ToString() => Normalized;

    private string Format(int revision, int addendum, int corrigendum)
    {
        var yy = (Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.Append(Organ).Append('/');
        switch (Kind)
        {
            case SymbolKind.SeriesDocument:
                s.Append(Body).Append("/doc.").Append(Number).Append('/').Append(yy);
                break;
            case SymbolKind.CommitteeDocument:
                s.Append(Body).Append('-').Append(Number).Append('/').Append(yy);
                break;
            default:
                s.Append("RES. ").Append(Number).Append(" (");
                if (SessionKind == AssemblySessionKind.None)
                {
                    s.Append(Session);
                }
                else
                {
                    s.Append(RomanNumerals.Format(Session)).Append(SessionKind == AssemblySessionKind.Regular ? "-O" : "-E");
                }

                s.Append('/').Append(yy).Append(')');
                break;
        }

        if (revision > 0)
        {
            s.Append(" rev. ").Append(revision);
        }

        if (addendum > 0)
        {
            s.Append(" add. ").Append(addendum);
        }

        if (corrigendum > 0)
        {
            s.Append(" corr. ").Append(corrigendum);
        }

        return s.ToString();
    }

    /// <summary>
    /// Parses any spelling of a symbol (case and spacing are forgiven), or throws INVALID_ARGUMENT on
    /// <paramref name="field"/> saying what is wrong and at which character (counted from 1).
    /// </summary>
    public static DocumentSymbol Parse(string? text, string field = "symbol")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException(field, "is required: a document symbol such as \"GT/DOT-II/doc.5/09 corr. 1\"");
        }

        if (text.Length > MaxLength)
        {
            throw new ValidationException(field, $"must be at most {MaxLength} characters");
        }

        return new SymbolReader(text, field).Read();
    }

    /// <summary>Like <see cref="Parse"/>, but false (and the reason) instead of an exception.</summary>
    public static bool TryParse(string? text, out DocumentSymbol? symbol, out string? error)
    {
        try
        {
            symbol = Parse(text);
            error = null;
            return true;
        }
        catch (ValidationException e)
        {
            symbol = null;
            error = e.Violations[0].Description;
            return false;
        }
    }
}

/// <summary>A left-to-right reader that knows where it is, so every refusal can say where.</summary>
internal sealed class SymbolReader(string text, string field)
{
    private int _pos;

    public DocumentSymbol Read()
    {
        SkipSpaces();
        var organ = Letters("the issuing organ (letters, such as \"GT\", \"CP\" or \"AG\")", 1, 8);
        Expect('/', $"\"/\" after the organ \"{organ}\"");

        var body = "";
        int number, year, session = 0;
        var sessionKind = AssemblySessionKind.None;
        SymbolKind kind;

        var bodyStart = _pos;
        var word = Letters("the body, committee or \"RES.\" after the organ", 1, 12);
        if (word == "RES" && (Peek() is '.' or ' ' || char.IsAsciiDigit(Peek())))
        {
            kind = SymbolKind.Resolution;
            if (organ is not ("AG" or "CP"))
            {
                Fail(bodyStart, $"resolutions are recognized for the General Assembly (\"AG\") and the Permanent Council (\"CP\"), not \"{organ}\"");
            }

            Optional('.');
            SkipSpaces();
            number = Number("the resolution's number");
            SkipSpaces();
            Expect('(', "\"(\" opening the session, as in \"(XXXIX-O/09)\"");
            if (organ == "AG")
            {
                var romanStart = _pos;
                var roman = Letters("the session in Roman numerals, such as \"XXXIX\"", 1, 12);
                session = RomanNumerals.Parse(roman);
                if (session == 0)
                {
                    Fail(romanStart, $"\"{roman}\" is not a Roman numeral in standard form");
                }

                Expect('-', "\"-\" and the session's kind (\"O\" regular, \"E\" special)");
                var kindStart = _pos;
                var letter = Letters("\"O\" (regular session) or \"E\" (special session)", 1, 1);
                sessionKind = letter switch
                {
                    "O" => AssemblySessionKind.Regular,
                    "E" => AssemblySessionKind.Special,
                    _ => Fail<AssemblySessionKind>(kindStart, $"the session's kind must be \"O\" (regular) or \"E\" (special), not \"{letter}\""),
                };
            }
            else
            {
                session = Number("the Permanent Council's meeting number");
            }

            Expect('/', "\"/\" before the two-digit year");
            var yearStart = _pos;
            year = TwoDigitYear();
            if (sessionKind == AssemblySessionKind.Regular && DocumentSymbol.RegularSessionYear(session) != year)
            {
                Fail(yearStart, $"the {RomanNumerals.Format(session)} regular session was held in {DocumentSymbol.RegularSessionYear(session)} (1970 + {session}), so the year must be \"{DocumentSymbol.RegularSessionYear(session) % 100:D2}\"");
            }

            Expect(')', "\")\" closing the session");
        }
        else
        {
            body = word;
            if (Peek() == '-')
            {
                _pos++;
                var suffixStart = _pos;
                if (char.IsAsciiDigit(Peek()))
                {
                    kind = SymbolKind.CommitteeDocument;
                    number = Number("the committee document's number");
                    Expect('/', "\"/\" before the two-digit year");
                    year = TwoDigitYear();
                    return Amendments(new DocumentSymbol(kind, organ, body, number, year, 0, AssemblySessionKind.None, 0, 0, 0));
                }

                var suffix = Alphanumerics("the body's suffix, such as \"II\" in \"DOT-II\"");
                if (suffix.Length == 0)
                {
                    Fail(suffixStart, "expected the body's suffix (such as \"II\" in \"DOT-II\") or a committee document number after \"-\"");
                }

                body += "-" + suffix;
            }

            kind = SymbolKind.SeriesDocument;
            Expect('/', $"\"/doc.\" after the body \"{body}\" (or \"-\" and a number for a committee document)");
            var docStart = _pos;
            var doc = Letters("\"doc.\"", 1, 12);
            if (doc != "DOC")
            {
                Fail(docStart, $"expected \"doc.\" but found \"{doc}\"");
            }

            Optional('.');
            SkipSpaces();
            number = Number("the document's number");
            Expect('/', "\"/\" before the two-digit year");
            year = TwoDigitYear();
        }

        return Amendments(new DocumentSymbol(kind, organ, body, number, year, session, sessionKind, 0, 0, 0));
    }

    private DocumentSymbol Amendments(DocumentSymbol symbol)
    {
        var last = 0; // 1 rev, 2 add, 3 corr: they must come in that order, each once.
        while (true)
        {
            var before = _pos;
            SkipSpaces();
            if (_pos >= text.Length)
            {
                return symbol;
            }

            if (_pos == before)
            {
                Fail(_pos, $"unexpected \"{text[_pos]}\" after \"{text[..before].Trim()}\"; expected the end, or \" rev.\", \" add.\" or \" corr.\" and a number");
            }

            var wordStart = _pos;
            var word = Letters("\"rev.\", \"add.\" or \"corr.\" (or the end of the symbol)", 1, 12);
            var rank = word switch
            {
                "REV" => 1,
                "ADD" => 2,
                "CORR" => 3,
                _ => Fail<int>(wordStart, $"\"{word.ToLowerInvariant()}\" is not \"rev.\", \"add.\" or \"corr.\""),
            };
            var name = word.ToLowerInvariant() + ".";
            if (rank == last)
            {
                Fail(wordStart, $"\"{name}\" appears twice");
            }

            if (rank < last)
            {
                Fail(wordStart, $"\"{name}\" must come before \"{(last == 2 ? "add." : "corr.")}\" (the order is rev., add., corr.)");
            }

            last = rank;
            Optional('.');
            SkipSpaces();
            var n = Number($"the number of the \"{name}\"");
            symbol = rank switch
            {
                1 => symbol with { Revision = n },
                2 => symbol with { Addendum = n },
                _ => symbol with { Corrigendum = n },
            };
        }
    }

    private char Peek() => _pos < text.Length ? text[_pos] : '\0';

    private void SkipSpaces()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }

    private void Optional(char c)
    {
        if (Peek() == c)
        {
            _pos++;
        }
    }

    private void Expect(char c, string what)
    {
        if (Peek() != c)
        {
            Fail(_pos, $"expected {what}");
        }

        _pos++;
    }

    private string Letters(string what, int min, int max)
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiLetter(text[_pos]))
        {
            _pos++;
        }

        var length = _pos - start;
        if (length < min)
        {
            Fail(start, $"expected {what}");
        }

        if (length > max)
        {
            Fail(start, $"\"{text[start.._pos]}\" is too long for {what}");
        }

        return text[start.._pos].ToUpperInvariant();
    }

    private string Alphanumerics(string what)
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiLetterOrDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos - start > 12)
        {
            Fail(start, $"\"{text[start.._pos]}\" is too long for {what}");
        }

        return text[start.._pos].ToUpperInvariant();
    }

    private int Number(string what)
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            Fail(start, $"expected {what} (digits)");
        }

        var digits = text[start.._pos].TrimStart('0');
        if (digits.Length == 0)
        {
            Fail(start, $"{what} must be at least 1");
        }

        if (digits.Length > 5 || int.Parse(digits, CultureInfo.InvariantCulture) > DocumentSymbol.MaxNumber)
        {
            Fail(start, $"{what} must be at most {DocumentSymbol.MaxNumber}");
        }

        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    private int TwoDigitYear()
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos - start != 2)
        {
            Fail(start, _pos == start
                ? "expected the year in two digits, such as \"09\""
                : $"the year must be two digits, such as \"09\", not \"{text[start.._pos]}\"");
        }

        return DocumentSymbol.FullYear(int.Parse(text.AsSpan(start, 2), CultureInfo.InvariantCulture));
    }

    private T Fail<T>(int position, string message)
    {
        Fail(position, message);
        return default!;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(int position, string message)
    {
        var found = position < text.Length ? $" (found \"{text[position]}\")" : " (the symbol ends there)";
        throw new ValidationException(field, $"at character {position + 1}{found}: {message}");
    }
}

/// <summary>Roman numerals in standard form, as the General Assembly numbers its sessions.</summary>
public static class RomanNumerals
{
    private static readonly (int Value, string Numeral)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        var s = new StringBuilder();
        foreach (var (v, numeral) in Table)
        {
            while (value >= v)
            {
                s.Append(numeral);
                value -= v;
            }
        }

        return s.ToString();
    }

    /// <summary>The value of a numeral in standard form (1..3999), or 0 when it is not one.</summary>
    public static int Parse(string numeral)
    {
        var upper = numeral.ToUpperInvariant();
        var value = 0;
        var i = 0;
        foreach (var (v, n) in Table)
        {
            while (string.CompareOrdinal(upper, i, n, 0, n.Length) == 0 && i < upper.Length)
            {
                value += v;
                i += n.Length;
            }
        }

        return i == upper.Length && value is > 0 and < 4000 && Format(value) == upper ? value : 0;
    }
}
