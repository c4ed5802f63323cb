using System.CommandLine;
using System.Text.RegularExpressions;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Keys;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Commands;

/// <summary>
/// <c>keys issue|list|revoke</c>: partner API keys in the keys file the services watch, so a change
/// takes effect without a restart. Only hashes are stored; a key is shown once, when issued.
/// </summary>
public static partial class KeyCommands
{
    public const string DefaultFile = "AppHost/data/api-keys.json";

    /// <summary>How many hex digits of a hash <c>keys list</c> shows.</summary>
    public const int PrefixLength = 12;

    public static Command Create(CommandRunner runner)
    {
        var keys = new Command("keys", "Partner API keys (operators): issue, list, revoke.");
        keys.Subcommands.Add(Issue(runner));
        keys.Subcommands.Add(List(runner));
        keys.Subcommands.Add(Revoke(runner));
        return keys;
    }

    private static Option<string?> FileOption() => new("--file")
    {
        Description = $"The keys file the services watch (else $TOCMESH_KEYS_FILE, else {DefaultFile}).",
        HelpName = "path",
    };

    private static KeysFile Open(Session session, Option<string?> file) => new(
        session.Parse.GetValue(file) is { Length: > 0 } path ? path
        : session.Environment("TOCMESH_KEYS_FILE") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultFile);

    private static Command Issue(CommandRunner runner)
    {
        var command = new Command("issue", "Issues a new key for an agency and prints it once; the file keeps only its SHA-256.");
        var agency = new Option<string>("--agency") { Description = "The agency the key belongs to, e.g. UNODC; shown in change histories.", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "partner (may read personal contact data), secretariat (may write everything) or state-editor:XXX (may write state XXX's records). Repeatable.",
            Required = true,
            HelpName = "role",
        };
        roles.Validators.Add(result =>
        {
            foreach (var role in result.Tokens.Select(t => t.Value).Where(r => NormalizeRole(r) is null))
            {
                result.AddError($"'{role}' is not a role: use partner, secretariat or state-editor:XXX (an ISO 3166-1 alpha-3 code).");
            }
        });
        var file = FileOption();
        command.Options.Add(agency);
        command.Options.Add(roles);
        command.Options.Add(file);
        runner.Action(command, (session, _) =>
        {
            var name = session.Parse.GetValue(agency)!.Trim();
            if (name.Length == 0)
            {
                throw new CliException("--agency must name the agency.");
            }

            var keysFile = Open(session, file);
            var key = KeysFile.NewKey();
            var issued = new IssuedKey(name, KeysFile.Hash(key), [.. session.Parse.GetValue(roles)!.Select(r => NormalizeRole(r)!).Distinct(StringComparer.Ordinal)]);
            keysFile.Change(entries =>
            {
                entries.Add(KeysFile.Entry(issued));
                return [issued];
            });

            if (session.Json)
            {
                JsonOutput.WriteObject(session.Terminal.Output, new { key, issued.Agency, issued.Roles, HashPrefix = issued.Sha256[..PrefixLength], File = keysFile.Path });
            }
            else
            {
                var output = session.Terminal.Output;
                output.WriteLine($"Issued a key for {issued.Agency} ({string.Join(", ", issued.Roles)}) in {keysFile.Path}:");
                output.WriteLine();
                output.WriteLine($"  {key}");
                output.WriteLine();
                output.WriteLine($"Give it to {issued.Agency} now: it is not stored and cannot be shown again. Its hash begins {issued.Sha256[..PrefixLength]}.");
                output.WriteLine("Services watching the file accept it within seconds, without a restart.");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var command = new Command("list", "Lists the issued keys: agency, roles and hash prefix (never the keys).");
        var file = FileOption();
        command.Options.Add(file);
        runner.Action(command, (session, _) =>
        {
            var keysFile = Open(session, file);
            var keys = keysFile.List();
            if (session.Json)
            {
                JsonOutput.WriteObject(session.Terminal.Output, keys.Select(k => new { k.Agency, k.Roles, HashPrefix = Prefix(k) }));
                return Task.FromResult(ExitCodes.Ok);
            }

            var table = Tables.New("Agency", "Roles", "Hash prefix");
            foreach (var key in keys)
            {
                table.Row(key.Agency, string.Join(", ", key.Roles), Prefix(key));
            }

            session.Terminal.Console.Write(table);
            session.Terminal.Output.WriteLine($"{keys.Count} key(s) in {keysFile.Path}.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Revoke(CommandRunner runner)
    {
        var command = new Command("revoke", "Revokes every key of an agency, or the one key whose hash begins with a prefix. Services refuse it within seconds.");
        var agency = new Option<string?>("--agency") { Description = "Revoke every key of this agency (case-insensitive)." };
        var prefix = new Option<string?>("--hash-prefix") { Description = "Revoke the key whose SHA-256 begins with these hex digits (at least 4; see keys list).", HelpName = "hex" };
        var file = FileOption();
        command.Options.Add(agency);
        command.Options.Add(prefix);
        command.Options.Add(file);
        command.Validators.Add(result =>
        {
            var byAgency = result.GetResult(agency) is not null;
            var byPrefix = result.GetResult(prefix) is not null;
            if (byAgency == byPrefix)
            {
                result.AddError("Give exactly one of --agency and --hash-prefix.");
            }
            else if (byPrefix && !HexPrefix().IsMatch(result.GetValue(prefix) ?? ""))
            {
                result.AddError("--hash-prefix takes at least 4 hex digits, e.g. 3fa9c2.");
            }
        });
        runner.Action(command, (session, _) =>
        {
            var keysFile = Open(session, file);
            if (!File.Exists(keysFile.Path))
            {
                throw new CliException($"There is no keys file at {keysFile.Path}.");
            }

            var name = session.Parse.GetValue(agency);
            var hex = session.Parse.GetValue(prefix)?.ToLowerInvariant();
            var revoked = keysFile.Change(entries =>
            {
                var matching = entries.OfType<System.Text.Json.Nodes.JsonObject>()
                    .Where(e => name is not null
                        ? string.Equals(KeysFile.ToKey(e).Agency.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)
                        : KeysFile.ToKey(e).Sha256.ToLowerInvariant().StartsWith(hex!, StringComparison.Ordinal))
                    .ToList();
                if (matching.Count == 0)
                {
                    throw new CliException(name is not null ? $"No key of agency '{name}' in {keysFile.Path}." : $"No key whose hash begins {hex} in {keysFile.Path}.");
                }

                if (hex is not null && matching.Count > 1)
                {
                    throw new CliException($"{matching.Count} keys have hashes beginning {hex}: give more digits (see keys list). Nothing was revoked.");
                }

                matching.ForEach(e => entries.Remove(e));
                return [.. matching.Select(KeysFile.ToKey)];
            });

            if (session.Json)
            {
                JsonOutput.WriteObject(session.Terminal.Output, revoked.Select(k => new { k.Agency, k.Roles, HashPrefix = Prefix(k) }));
            }
            else
            {
                foreach (var key in revoked)
                {
                    session.Terminal.Output.WriteLine($"Revoked the key of {key.Agency} ({string.Join(", ", key.Roles)}), hash {Prefix(key)}.");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static string Prefix(IssuedKey key) => key.Sha256.Length > PrefixLength ? key.Sha256[..PrefixLength] : key.Sha256;

    /// <summary>The role as the services read it, or null when it is not one.</summary>
    internal static string? NormalizeRole(string role)
    {
        var trimmed = role.Trim();
        if (trimmed.Equals("partner", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("secretariat", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.ToLowerInvariant();
        }

        var editor = StateEditor().Match(trimmed);
        return editor.Success ? "state-editor:" + editor.Groups[1].Value.ToUpperInvariant() : null;
    }

    [GeneratedRegex("^state-editor:([A-Za-z]{3})$", RegexOptions.IgnoreCase)]
    private static partial Regex StateEditor();

    [GeneratedRegex("^[0-9a-fA-F]{4,64}$")]
    private static partial Regex HexPrefix();
}
