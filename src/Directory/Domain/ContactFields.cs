using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Domain;

/// <summary>The fields of a contact, for field masks, history diffs and privacy.</summary>
public static class ContactFields
{
    public static readonly IReadOnlyList<ContactField> All =
    [
        new("state_code", false, false, d => d.StateCode, (f, t) => t.StateCode = f.StateCode, d => d.StateCode = ""),
        new("role", false, false, d => d.Role, (f, t) => t.Role = f.Role, d => d.Role = ContactRole.Unspecified),
        new("instrument_id", false, false, d => d.InstrumentId, (f, t) => t.InstrumentId = f.InstrumentId, d => d.InstrumentId = ""),
        new("institution", true, false, d => d.Institution, (f, t) => t.Institution = f.Institution, d => d.Institution = ""),
        new("office", true, false, d => d.Office, (f, t) => t.Office = f.Office, d => d.Office = ""),
        new("person", true, true, d => d.Person, (f, t) => t.Person = f.Person, d => d.Person = ""),
        new("title", true, true, d => d.Title, (f, t) => t.Title = f.Title, d => d.Title = ""),
        new("emails", true, true, d => d.Emails, (f, t) => t.Emails = [.. f.Emails], d => d.Emails = []),
        new("phones", true, true, d => d.Phones, (f, t) => t.Phones = [.. f.Phones], d => d.Phones = []),
        new("postal_address", true, false, d => d.PostalAddress, (f, t) => t.PostalAddress = f.PostalAddress, d => d.PostalAddress = ""),
        new("languages", true, false, d => d.Languages, (f, t) => t.Languages = [.. f.Languages], d => d.Languages = []),
        new("channels", true, false, d => d.Channels, (f, t) => t.Channels = [.. f.Channels], d => d.Channels = []),
        new("office_hours", true, false, d => d.OfficeHours, (f, t) => t.OfficeHours = f.OfficeHours, d => d.OfficeHours = ""),
        new("time_zone", true, false, d => d.TimeZone, (f, t) => t.TimeZone = f.TimeZone, d => d.TimeZone = ""),
        new("valid_from", true, false, d => d.ValidFrom, (f, t) => t.ValidFrom = f.ValidFrom, d => d.ValidFrom = null),
        new("valid_to", true, false, d => d.ValidTo, (f, t) => t.ValidTo = f.ValidTo, d => d.ValidTo = null),
        new("last_verified", true, false, d => d.LastVerified, (f, t) => t.LastVerified = f.LastVerified, d => d.LastVerified = null),
        new("source_document", true, false, d => d.SourceDocument, (f, t) => t.SourceDocument = f.SourceDocument, d => d.SourceDocument = ""),
    ];

    private static readonly Dictionary<string, ContactField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static ContactField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The fields an update mask names ("*" for every field that may change); a path that is not a
    /// field, or names a field that never changes, is a violation of <c>update_mask</c>.
    /// </summary>
    public static List<ContactField> Named(IReadOnlyList<string> paths, FieldViolations violations)
    {
        var fields = new List<ContactField>();
        if (paths.Count == 0)
        {
            violations.Add("update_mask", "name the fields to change, e.g. \"emails\" (or \"*\" for every field that may change)");
        }

        foreach (var path in paths)
        {
            if (path == "*")
            {
                fields.AddRange(All.Where(f => f.Updatable));
            }
            else if (Find(path) is not { } field)
            {
                violations.Add("update_mask", $"\"{Truncate(path)}\" is not a field of Contact");
            }
            else if (!field.Updatable)
            {
                violations.Add("update_mask", $"{path} never changes: retire the contact and record a new one");
            }
            else
            {
                fields.Add(field);
            }
        }

        return fields.Distinct().ToList();
    }

    /// <summary>The names of the fields whose values differ between two versions.</summary>
    public static List<string> Changed(ContactDetails before, ContactDetails after)
    {
        var changed = All.Where(f => f.Differs(before, after)).Select(f => f.Name).ToList();
        if (before.Retired != after.Retired)
        {
            changed.Add("retired");
        }

        return changed;
    }

    /// <summary>The fields a new contact sets.</summary>
    public static List<string> Set(ContactDetails details) => All.Where(f => f.HasValue(details)).Select(f => f.Name).ToList();

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
