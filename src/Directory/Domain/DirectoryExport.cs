using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace TocMesh.Directory.Domain;

/// <summary>
/// One contact per line, in the contract's field names, for partners that load the directory into
/// their own systems. Personal columns stay empty in the rows of states whose personal data the caller
/// may not read. A CSV cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab
/// or a carriage return) is quoted and prefixed with a single quote (OWASP's CSV injection guidance).
/// </summary>
public sealed class DirectoryExport(ExportFormat format, Func<string, bool> mayReadPersonalDataOf)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "name", "state_code", "role", "instrument_id", "institution", "office", "person", "title", "emails", "phones",
        "postal_address", "languages", "channels", "office_hours", "time_zone", "valid_from", "valid_to", "last_verified",
        "source_document", "retired", "revision",
    ];

    private static readonly CsvConfiguration CsvSettings = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    private readonly StringBuilder _buffer = new();

    /// <summary>The CSV header; null for JSON lines, which name their fields on every line.</summary>
    public string? Header() => format == ExportFormat.Csv ? CsvLine(Columns) : null;

    public string Line(Contact contact)
    {
        var details = mayReadPersonalDataOf(contact.StateCode) ? contact : contact.WithoutPersonalData();
        var values = new object?[]
        {
            contact.Name, details.StateCode, RoleName(details.Role), details.InstrumentId, details.Institution, details.Office,
            details.Person, details.Title, details.Emails, details.Phones, details.PostalAddress, details.Languages,
            details.Channels.Select(ChannelName).ToList(), details.OfficeHours, details.TimeZone, Date(details.ValidFrom),
            Date(details.ValidTo), Date(details.LastVerified), details.SourceDocument, details.Retired, contact.Revision,
        };
        return format == ExportFormat.Csv ? CsvLine(values.Select(CsvValue)) : JsonLine(values);
    }

    public static string RoleName(ContactRole role) => role switch
    {
        ContactRole.NationalPointOfContact => "national_point_of_contact",
        ContactRole.MlaCentralAuthority => "mla_central_authority",
        ContactRole.PalermoAuthority => "palermo_authority",
        ContactRole.Courses => "courses",
        _ => "",
    };

    public static string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "email",
        ContactChannel.Diplomatic => "diplomatic",
        ContactChannel.Interpol => "interpol",
        _ => "",
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(';', list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private string CsvLine(IEnumerable<string> fields)
    {
        _buffer.Clear();
        using (var writer = new StringWriter(_buffer, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, CsvSettings, leaveOpen: true))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.Flush();
        }

        return _buffer.ToString();
    }

    private static string JsonLine(object?[] values)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            for (var i = 0; i < Columns.Count; i++)
            {
                json.WritePropertyName(Columns[i]);
                switch (values[i])
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case string s:
                        json.WriteStringValue(s);
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    case int n:
                        json.WriteNumberValue(n);
                        break;
                    case IEnumerable<string> list:
                        json.WriteStartArray();
                        foreach (var item in list)
                        {
                            json.WriteStringValue(item);
                        }

                        json.WriteEndArray();
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
