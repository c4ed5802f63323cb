using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Contracts;

/// <summary>ISO 3166-1 alpha-3 codes as the contracts carry them.</summary>
public static class StateCodes
{
    /// <summary>Upper-cases a well-formed code, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static string Normalize(string? code, string field)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ValidationException(field, "is required: an ISO 3166-1 alpha-3 code such as \"MEX\"");
        }

        var trimmed = code.Trim();
        if (trimmed.Length != 3 || !trimmed.All(char.IsAsciiLetter))
        {
            throw new ValidationException(field, $"\"{Truncate(trimmed)}\" is not an ISO 3166-1 alpha-3 code (three letters, such as \"MEX\")");
        }

        return trimmed.ToUpperInvariant();
    }

    private static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
