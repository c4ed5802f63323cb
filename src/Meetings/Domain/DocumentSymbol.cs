using System.Globalization;
using System.Text;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Meetings.Domain;

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
