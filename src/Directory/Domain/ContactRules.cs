using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Domain;

/// <summary>
/// What a contact must be before anything is written: one violation per problem, named by its path
/// in the request (e.g. "contact.emails[1]"). Descriptions never repeat personal values.
/// </summary>
public static partial class ContactRules
{
    /// <summary>The instruments under which the Palermo Convention's authorities are designated.</summary>
    public static readonly IReadOnlySet<string> PalermoInstruments = new HashSet<string>(StringComparer.Ordinal)
    {
        "untoc", "untoc-tip", "untoc-som", "untoc-firearms",
    };

    private const int MaxListItems = 10;

    /// <summary>Normalizes <paramref name="details"/> in place and records every violation.</summary>
    public static void Check(ContactDetails details, string prefix, DateOnly today, FieldViolations violations)
    {
        violations.Check(details.Role != ContactRole.Unspecified && Enum.IsDefined(details.Role), prefix + "role", "is required: one of the ContactRole values");
        details.InstrumentId = details.InstrumentId.Trim().ToLowerInvariant();
        if (details.Role == ContactRole.PalermoAuthority)
        {
            violations.Check(PalermoInstruments.Contains(details.InstrumentId), prefix + "instrument_id",
                "a Palermo authority names its instrument: untoc, untoc-tip, untoc-som or untoc-firearms");
        }
        else
        {
            violations.Check(details.InstrumentId.Length == 0, prefix + "instrument_id", "is only for CONTACT_ROLE_PALERMO_AUTHORITY");
        }

        details.Institution = details.Institution.Trim();
        violations.Required(details.Institution, prefix + "institution");
        Text(details.Institution, 300, prefix + "institution", violations);
        details.Office = Text(details.Office, 300, prefix + "office", violations);
        details.Person = Text(details.Person, 200, prefix + "person", violations);
        details.Title = Text(details.Title, 200, prefix + "title", violations);
        details.PostalAddress = Text(details.PostalAddress, 1000, prefix + "postal_address", violations);
        details.OfficeHours = Text(details.OfficeHours, 200, prefix + "office_hours", violations);
        details.SourceDocument = Text(details.SourceDocument, 100, prefix + "source_document", violations);

        details.Emails = List(details.Emails, prefix + "emails", violations, NormalizeEmail, "is not an e-mail address such as name@example.org");
        details.Phones = List(details.Phones, prefix + "phones", violations, NormalizePhone,
            "is not an E.164 phone number: \"+\", the country code and the number, digits only (e.g. +12025550100)");
        details.Languages = List(details.Languages, prefix + "languages", violations, NormalizeLanguage,
            "is not a BCP 47 language tag such as \"es\", \"en\" or \"pt-BR\"");

        violations.Check(details.Channels.Count <= MaxListItems, prefix + "channels", $"at most {MaxListItems}");
        for (var i = 0; i < details.Channels.Count; i++)
        {
            violations.Check(details.Channels[i] != ContactChannel.Unspecified && Enum.IsDefined(details.Channels[i]),
                $"{prefix}channels[{i}]", "is not a channel: e-mail, diplomatic or INTERPOL");
        }

        details.Channels = details.Channels.Distinct().ToList();

        details.TimeZone = details.TimeZone.Trim();
        violations.Check(details.TimeZone.Length == 0 || IsTimeZone(details.TimeZone), prefix + "time_zone",
            "is not an IANA time zone such as \"America/Mexico_City\"");

        violations.Check(details.ValidFrom is null || details.ValidTo is null || details.ValidFrom < details.ValidTo,
            prefix + "valid_to", "must be after valid_from (it is the first day the contact no longer serves)");
        violations.Check(details.LastVerified is null || details.LastVerified <= today, prefix + "last_verified", "must not be in the future");
    }

    public static bool IsEmail(string value) => NormalizeEmail(value) is not null;

    public static bool IsPhone(string value) => NormalizePhone(value) is not null;

    /// <summary>A well-formed BCP 47 tag in its canonical case ("pt-br" gives "pt-BR"), or null.</summary>
    public static string? NormalizeLanguage(string value)
    {
        var tag = value.Trim();
        if (tag.Length is 0 or > 35 || !LanguageTag().IsMatch(tag))
        {
            return null;
        }

        var parts = tag.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i - 1].Length == 1)
            {
                // After an extension or private-use singleton, subtags keep lower case.
                for (var j = i; j < parts.Length; j++)
                {
                    parts[j] = parts[j].ToLowerInvariant();
                }

                break;
            }

            parts[i] = parts[i].Length switch
            {
                4 when char.IsAsciiLetter(parts[i][0]) => char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant(),
                2 => parts[i].ToUpperInvariant(),
                _ => parts[i].ToLowerInvariant(),
            };
        }

        return string.Join('-', parts);
    }

    private static string? NormalizeEmail(string value)
    {
        var address = value.Trim();
        if (address.Length is 0 or > 254 || address.Contains(' ') || !MailAddress.TryCreate(address, out var parsed)
            || parsed.Address != address || parsed.DisplayName.Length > 0 || !parsed.Host.Contains('.') || parsed.Host.EndsWith('.'))
        {
            return null;
        }

        // The domain is case-insensitive; the local part is the owner's business.
        return parsed.User + "@" + parsed.Host.ToLowerInvariant();
    }

    private static string? NormalizePhone(string value)
    {
        var number = value.Trim();
        if (!E164().IsMatch(number))
        {
            return null;
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            return util.IsPossibleNumber(util.Parse(number, null)) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsTimeZone(string id) =>
        id == "UTC" || (IanaZoneId().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));

    private static string Text(string value, int max, string field, FieldViolations violations)
    {
        var trimmed = value.Trim();
        violations.MaxLength(trimmed, max, field);
        return trimmed;
    }

    private static List<string> List(List<string> values, string field, FieldViolations violations, Func<string, string?> normalize, string description)
    {
        violations.Check(values.Count <= MaxListItems, field, $"at most {MaxListItems}");
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var normalized = normalize(values[i]);
            if (normalized is null)
            {
                violations.Add($"{field}[{i}]", description);
            }
            else if (!result.Contains(normalized, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(normalized);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    // RFC 5646 langtag and private use: language (2-3 letters, or 5-8), up to three extlangs,
    // script, region, variants, extensions; or a private-use tag "x-...".
    [GeneratedRegex(@"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{5,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+$")]
    private static partial Regex IanaZoneId();
}
