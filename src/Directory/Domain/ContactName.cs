using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Domain;

/// <summary>A contact's resource name, "contacts/{id}", as a partner sends it.</summary>
public static class ContactName
{
    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>The id in <paramref name="name"/>, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static string ParseId(string? name, string field) => Id(name, field).ToString();

    /// <summary>The id in <paramref name="name"/> as a slice of it (no new string), or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static ReadOnlySpan<char> Id(string? name, string field)
    {
        var id = name is not null && name.StartsWith(Contact.NamePrefix, StringComparison.Ordinal) ? name.AsSpan(Contact.NamePrefix.Length) : [];
        return id.Length == 32 && !id.ContainsAnyExcept(LowerHexDigits)
            ? id
            : throw new ValidationException(field, "is not a contact name such as \"contacts/0192f1c3...\"");
    }
}
