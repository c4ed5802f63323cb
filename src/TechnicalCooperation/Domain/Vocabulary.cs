using System.Text.RegularExpressions;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>
/// Areas, audiences and languages are compared exactly when matching needs to courses, so they are
/// kept in one spelling: lower-case slugs ("trafficking-in-persons", "forensic-staff") and BCP 47 tags.
/// </summary>
public static partial class Vocabulary
{
    public const int MaxItems = 20;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    public static bool IsSlug(string value) => value.Length <= 60 && Slug().IsMatch(value);

    /// <summary>Trims and lower-cases a slug, or reports why not.</summary>
    public static string? NormalizeSlug(string? value, string field, FieldViolations violations, bool required)
    {
        var slug = (value ?? "").Trim().ToLowerInvariant();
        if (slug.Length == 0)
        {
            if (required)
            {
                violations.Add(field, "is required: a lower-case slug such as \"trafficking-in-persons\"");
            }

            return null;
        }

        if (!IsSlug(slug))
        {
            violations.Add(field, $"\"{Shorten(value!)}\" is not a slug: lower-case letters and digits joined by '-', at most 60 characters");
            return null;
        }

        return slug;
    }

    public static List<string> NormalizeSlugs(IEnumerable<string> values, string field, FieldViolations violations, bool atLeastOne)
    {
        var list = values.ToList();
        violations.Check(!atLeastOne || list.Count > 0, field, "needs at least one entry");
        violations.Check(list.Count <= MaxItems, field, $"has more than {MaxItems} entries");
        var result = new List<string>();
        for (var i = 0; i < list.Count && i < MaxItems; i++)
        {
            if (NormalizeSlug(list[i], $"{field}[{i}]", violations, required: true) is { } slug && !result.Contains(slug))
            {
                result.Add(slug);
            }
        }

        return result;
    }

    public static List<string> NormalizeLanguages(IEnumerable<string> values, string field, FieldViolations violations)
    {
        var list = values.ToList();
        violations.Check(list.Count <= MaxItems, field, $"has more than {MaxItems} entries");
        var result = new List<string>();
        for (var i = 0; i < list.Count && i < MaxItems; i++)
        {
            var tag = list[i].Trim();
            if (!LanguageTag().IsMatch(tag))
            {
                violations.Add($"{field}[{i}]", $"\"{Shorten(tag)}\" is not a BCP 47 language tag such as \"es\" or \"pt-BR\"");
            }
            else if (!result.Contains(tag.ToLowerInvariant(), StringComparer.Ordinal))
            {
                result.Add(tag.ToLowerInvariant());
            }
        }

        return result;
    }

    public static string Text(string? value, string field, int max, FieldViolations violations, bool required)
    {
        var text = (value ?? "").Trim();
        if (required)
        {
            violations.Required(text, field);
        }

        violations.MaxLength(text, max, field);
        return text;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
