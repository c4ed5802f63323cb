using System.Globalization;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The resource names of the contract ("courses/12", "courses/12/editions/3", ...) and their parsing.</summary>
public static class ResourceNames
{
    public static string Course(long id) => $"courses/{id}";

    public static string Edition(long courseId, long editionId) => $"courses/{courseId}/editions/{editionId}";

    public static string Need(long id) => $"needs/{id}";

    public static string CurriculumRequest(long id) => $"curriculum-requests/{id}";

    public static string Funding(long id) => $"funding/{id}";

    public static long ParseCourse(string? name, string field) => ParseSingle(name, "courses", field);

    public static long ParseNeed(string? name, string field) => ParseSingle(name, "needs", field);

    public static long ParseCurriculumRequest(string? name, string field) => ParseSingle(name, "curriculum-requests", field);

    public static (long CourseId, long EditionId) ParseEdition(string? name, string field)
    {
        var parts = (name ?? "").Split('/');
        if (parts.Length == 4 && parts[0] == "courses" && parts[2] == "editions"
            && TryId(parts[1], out var course) && TryId(parts[3], out var edition))
        {
            return (course, edition);
        }

        throw new ValidationException(field, $"\"{Shorten(name)}\" is not an edition name such as \"courses/12/editions/3\"");
    }

    /// <summary>A Directory contact name: "contacts/" and an id of letters, digits, '-' or '_'.</summary>
    public static bool IsContactName(string name) =>
        name.StartsWith("contacts/", StringComparison.Ordinal) && name.Length is > 9 and <= 100
        && name[9..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static long ParseSingle(string? name, string collection, string field)
    {
        var parts = (name ?? "").Split('/');
        if (parts.Length == 2 && parts[0] == collection && TryId(parts[1], out var id))
        {
            return id;
        }

        throw new ValidationException(field, string.IsNullOrEmpty(name)
            ? $"is required: a name such as \"{collection}/1\""
            : $"\"{Shorten(name)}\" is not a name such as \"{collection}/1\"");
    }

    private static bool TryId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
