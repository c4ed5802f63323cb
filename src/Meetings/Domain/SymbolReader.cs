using System.Globalization;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Domain;

/// <summary>A left-to-right reader that knows where it is, so every refusal can say where.</summary>
internal sealed class SymbolReader(string text, string field)
{
    private int _pos;

    public DocumentSymbol Read()
    {
        SkipSpaces();
        var organ = Letters("the issuing organ (letters, such as \"GT\", \"CP\" or \"AG\")", 1, 8);
        Expect('/', $"\"/\" after the organ \"{organ}\"");

        var bodyStart = _pos;
        var word = Letters("the body, committee or \"RES.\" after the organ", 1, 12);
        var symbol = word == "RES" && (Peek() is '.' or ' ' || char.IsAsciiDigit(Peek()))
            ? Resolution(organ, bodyStart)
            : BodyDocument(organ, word);
        return Amendments(symbol);
    }

    /// <summary>After "AG/RES" or "CP/RES": the number, then the session and the year in parentheses.</summary>
    private DocumentSymbol Resolution(string organ, int start)
    {
        if (organ is not ("AG" or "CP"))
        {
            Fail(start, $"resolutions are recognized for the General Assembly (\"AG\") and the Permanent Council (\"CP\"), not \"{organ}\"");
        }

        Optional('.');
        SkipSpaces();
        var number = Number("the resolution's number");
        SkipSpaces();
        Expect('(', "\"(\" opening the session, as in \"(XXXIX-O/09)\"");
        var (session, sessionKind) = organ == "AG"
            ? AssemblySession()
            : (Number("the Permanent Council's meeting number"), AssemblySessionKind.None);

        Expect('/', "\"/\" before the two-digit year");
        var yearStart = _pos;
        var year = TwoDigitYear();
        if (sessionKind == AssemblySessionKind.Regular && DocumentSymbol.RegularSessionYear(session) != year)
        {
            Fail(yearStart, $"the {RomanNumerals.Format(session)} regular session was held in {DocumentSymbol.RegularSessionYear(session)} (1970 + {session}), so the year must be \"{DocumentSymbol.RegularSessionYear(session) % 100:D2}\"");
        }

        Expect(')', "\")\" closing the session");
        return new DocumentSymbol(SymbolKind.Resolution, organ, "", number, year, session, sessionKind, 0, 0, 0);
    }

    /// <summary>"XXXIX-O": a General Assembly session in Roman numerals and its kind.</summary>
    private (int Session, AssemblySessionKind Kind) AssemblySession()
    {
        var romanStart = _pos;
        var roman = Letters("the session in Roman numerals, such as \"XXXIX\"", 1, 12);
        var session = RomanNumerals.Parse(roman);
        if (session == 0)
        {
            Fail(romanStart, $"\"{roman}\" is not a Roman numeral in standard form");
        }

        Expect('-', "\"-\" and the session's kind (\"O\" regular, \"E\" special)");
        var kindStart = _pos;
        var letter = Letters("\"O\" (regular session) or \"E\" (special session)", 1, 1);
        var kind = letter switch
        {
            "O" => AssemblySessionKind.Regular,
            "E" => AssemblySessionKind.Special,
            _ => Fail<AssemblySessionKind>(kindStart, $"the session's kind must be \"O\" (regular) or \"E\" (special), not \"{letter}\""),
        };
        return (session, kind);
    }

    /// <summary>After a body's name: a committee document ("CSH-1018/08") or a document of the body's series ("DOT-II/doc.5/09").</summary>
    private DocumentSymbol BodyDocument(string organ, string body)
    {
        if (Peek() == '-')
        {
            _pos++;
            var suffixStart = _pos;
            if (char.IsAsciiDigit(Peek()))
            {
                return CommitteeDocument(organ, body);
            }

            var suffix = Alphanumerics("the body's suffix, such as \"II\" in \"DOT-II\"");
            if (suffix.Length == 0)
            {
                Fail(suffixStart, "expected the body's suffix (such as \"II\" in \"DOT-II\") or a committee document number after \"-\"");
            }

            body += "-" + suffix;
        }

        return SeriesDocument(organ, body);
    }

    /// <summary>After "CP/CSH-": the committee document's number and year.</summary>
    private DocumentSymbol CommitteeDocument(string organ, string body)
    {
        var number = Number("the committee document's number");
        Expect('/', "\"/\" before the two-digit year");
        var year = TwoDigitYear();
        return new DocumentSymbol(SymbolKind.CommitteeDocument, organ, body, number, year, 0, AssemblySessionKind.None, 0, 0, 0);
    }

    /// <summary>After "GT/DOT-II": "/doc.", the document's number and year.</summary>
    private DocumentSymbol SeriesDocument(string organ, string body)
    {
        Expect('/', $"\"/doc.\" after the body \"{body}\" (or \"-\" and a number for a committee document)");
        var docStart = _pos;
        var doc = Letters("\"doc.\"", 1, 12);
        if (doc != "DOC")
        {
            Fail(docStart, $"expected \"doc.\" but found \"{doc}\"");
        }

        Optional('.');
        SkipSpaces();
        var number = Number("the document's number");
        Expect('/', "\"/\" before the two-digit year");
        var year = TwoDigitYear();
        return new DocumentSymbol(SymbolKind.SeriesDocument, organ, body, number, year, 0, AssemblySessionKind.None, 0, 0, 0);
    }

    /// <summary>What follows the symbol proper: " rev. n", " add. n", " corr. n", each at most once and in that order.</summary>
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
