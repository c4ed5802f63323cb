using System.CommandLine;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.Directory.V1;

namespace TocMesh.Cli.Commands;

/// <summary><c>directory search</c> and <c>directory export</c>: the Directory service.</summary>
public static class DirectoryCommands
{
    internal static readonly Dictionary<string, ContactRole> Roles =
        Enum.GetValues<ContactRole>().Where(r => r != ContactRole.Unspecified).ToDictionary(r => r.Words(), StringComparer.Ordinal);

    public static Command Create(CommandRunner runner)
    {
        var directory = new Command("directory", "National points of contact and central authorities.");
        directory.Subcommands.Add(Search(runner));
        directory.Subcommands.Add(DirectoryExport.Create(runner));
        return directory;
    }

    private static Command Search(CommandRunner runner)
    {
        var command = new Command("search", "Current contacts by state, role, instrument and language. Person, e-mail and phone only with a partner key.");
        var state = new Option<string?>("--state") { Description = "ISO 3166-1 alpha-3 code, e.g. MEX.", HelpName = "code" };
        var role = new Option<string?>("--role") { Description = "The contact's role." };
        role.AcceptOnlyFromAmong([.. Roles.Keys]);
        var instrument = new Option<string?>("--instrument") { Description = "Authorities designated under this instrument, e.g. untoc-tip.", HelpName = "id" };
        var language = new Option<string?>("--language") { Description = "Contacts accepting this language (BCP 47; es also matches es-MX).", HelpName = "tag" };
        var retired = new Option<bool>("--include-retired") { Description = "Retired contacts too." };
        foreach (var option in new Option[] { state, role, instrument, language, retired })
        {
            command.Options.Add(option);
        }

        runner.Action(command, async (session, ct) =>
        {
            var client = session.Directory();
            var all = new ListContactsResponse();
            var request = new ListContactsRequest
            {
                StateCode = session.Parse.GetValue(state) ?? "",
                Role = session.Parse.GetValue(role) is { } r ? Roles[r] : ContactRole.Unspecified,
                InstrumentId = session.Parse.GetValue(instrument) ?? "",
                Language = session.Parse.GetValue(language) ?? "",
                IncludeRetired = session.Parse.GetValue(retired),
                PageSize = 100,
            };
            do
            {
                var page = await client.ListContactsAsync(request, session.Call(ct));
                all.Contacts.AddRange(page.Contacts);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, all);
                return ExitCodes.Ok;
            }

            var table = Tables.New("State", "Role", "Institution", "Office", "Person", "E-mail", "Phone", "Languages", "Verified", "Name");
            foreach (var contact in all.Contacts)
            {
                var roleText = contact.InstrumentId.Length > 0 ? $"{contact.Role.Words()} ({contact.InstrumentId})" : contact.Role.Words();
                if (contact.Retired)
                {
                    roleText += $", retired {Dates.Text(contact.ValidTo)}";
                }

                table.Row(contact.StateCode, roleText, contact.Institution, contact.Office, contact.Person,
                    string.Join(", ", contact.Emails), string.Join(", ", contact.Phones), string.Join(", ", contact.Languages),
                    Dates.Text(contact.LastVerified), contact.Name);
            }

            session.Terminal.Console.Write(table);
            session.Terminal.Output.WriteLine($"{all.Contacts.Count} contact(s).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
