using System.Globalization;
using System.Text;
using TocMesh.MemberStates;

namespace TocMesh.Directory.Domain;

/// <summary>
/// The directory as a document, in the manner of the "Directory of National Points of Contact"
/// (GT/DOT-II/doc.9/09): every member state in turn, its contacts by role, and what it has announced
/// but not yet sent (its open change requests).
/// </summary>
public sealed class DirectoryDocument(DocumentFormat format, Func<string, bool> mayReadPersonalDataOf)
{
    private readonly StringBuilder _text = new();

    public string MediaType => format == DocumentFormat.Markdown ? "text/markdown" : "text/plain";

    public static string RoleTitle(ContactRole role) => role switch
    {
        ContactRole.NationalPointOfContact => "National point of contact with the Technical Group",
        ContactRole.MlaCentralAuthority => "Central authority for mutual legal assistance (Inter-American convention)",
        ContactRole.PalermoAuthority => "Authority designated under the Palermo Convention",
        ContactRole.Courses => "Contact for courses and workshops",
        _ => "Contact",
    };

    public string Render(
        DateOnly asOf,
        ContactRole? role,
        IReadOnlyList<MemberStateInfo> states,
        IReadOnlyList<Contact> contacts,
        IReadOnlyList<ChangeRequest> openRequests)
    {
        _text.Clear();
        var title = role == ContactRole.NationalPointOfContact ? "Directory of National Points of Contact" : "Directory of Contacts";
        Heading(1, title);
        Paragraph("Technical Group on Transnational Organized Crime");
        var byState = contacts.GroupBy(c => c.StateCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reporting = states.Count(s => byState.ContainsKey(s.Code));
        var scope = role is { } r ? $" a {RoleTitle(r).ToLowerInvariant()}" : " contacts";
        Paragraph($"As of {asOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {reporting} of {states.Count} member states have reported{scope}.");
        if (states.Any(s => !mayReadPersonalDataOf(s.Code)))
        {
            Paragraph(states.Any(s => mayReadPersonalDataOf(s.Code))
                ? "Names, titles, e-mail addresses and telephone numbers are shown for the states whose records this key edits; partners see them for every state."
                : "Names, titles, e-mail addresses and telephone numbers are shown to authenticated partners only.");
        }

        var requestsByState = openRequests.GroupBy(r => r.StateCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var state in states)
        {
            Heading(2, $"{state.NameEn} ({state.Code})");
            if (!byState.TryGetValue(state.Code, out var ofState))
            {
                Paragraph("No contact reported.");
            }
            else
            {
                foreach (var contact in ofState)
                {
                    Contact(contact, showRole: role is null || role == ContactRole.PalermoAuthority);
                }
            }

            foreach (var request in requestsByState.GetValueOrDefault(state.Code) ?? [])
            {
                var source = request.SourceDocument.Length > 0 ? $" ({request.SourceDocument})" : "";
                Paragraph($"Announced on {request.OpenedOn:yyyy-MM-dd}{source}, awaited: {request.Description}");
            }
        }

        return _text.ToString();
    }

    private void Contact(Contact contact, bool showRole)
    {
        if (showRole)
        {
            var instrument = contact.InstrumentId.Length > 0 ? $" ({contact.InstrumentId})" : "";
            Heading(3, RoleTitle(contact.Role) + instrument);
        }

        Item("Institution", contact.Institution);
        Item("Office", contact.Office);
        if (mayReadPersonalDataOf(contact.StateCode))
        {
            Item("Person", string.Join(", ", new[] { contact.Person, contact.Title }.Where(s => s.Length > 0)));
            Item("E-mail", string.Join("; ", contact.Emails));
            Item("Telephone", string.Join("; ", contact.Phones));
        }

        Item("Postal address", contact.PostalAddress.ReplaceLineEndings(", "));
        Item("Languages", string.Join(", ", contact.Languages));
        Item("Channels", string.Join(", ", contact.Channels.Select(ChannelTitle)));
        var zone = contact.TimeZone.Length > 0 ? $" ({contact.TimeZone})" : "";
        Item("Office hours", contact.OfficeHours.Length > 0 ? contact.OfficeHours + zone : contact.TimeZone);
        Item("Valid from", contact.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        Item("Valid until", (contact.ValidTo is { } to && to > DateOnly.MinValue ? to.AddDays(-1) : contact.ValidTo)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        Item("Last verified", contact.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        Item("Source", contact.SourceDocument);
        _text.Append('\n');
    }

    private static string ChannelTitle(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "e-mail",
        ContactChannel.Diplomatic => "diplomatic channel",
        ContactChannel.Interpol => "INTERPOL",
        _ => "",
    };

    private void Heading(int level, string text)
    {
        if (format == DocumentFormat.Markdown)
        {
            _text.Append('#', level).Append(' ').Append(Escape(text)).Append("\n\n");
            return;
        }

        _text.Append(text).Append('\n');
        if (level < 3)
        {
            _text.Append(level == 1 ? '=' : '-', text.Length).Append('\n');
        }

        _text.Append('\n');
    }

    private void Paragraph(string text) => _text.Append(format == DocumentFormat.Markdown ? Escape(text) : text).Append("\n\n");

    private void Item(string label, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (format == DocumentFormat.Markdown)
        {
            _text.Append("- **").Append(label).Append(":** ").Append(Escape(value)).Append('\n');
        }
        else
        {
            _text.Append("    ").Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    /// <summary>Text from the record is shown as text, never read as markup.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
