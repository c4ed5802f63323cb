using System.Text.Json;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

public sealed class KeyCommandTests : IDisposable
{
    private readonly string _folder = TemporaryFolders.New("cli-keys");

    private string KeysFile => Path.Combine(_folder, "api-keys.json");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Issue_list_and_revoke_round_trip_through_the_file_which_holds_only_hashes()
    {
        var issued = await Cli.RunAsync("keys", "issue", "--agency", "UNODC", "--role", "partner", "--role", "state-editor:mex", "--file", KeysFile, "--json");
        Assert.True(issued.ExitCode == 0, issued.ToString());
        using var issuedJson = JsonDocument.Parse(issued.Output);
        var key = issuedJson.RootElement.GetProperty("key").GetString()!;
        Assert.Equal(43, key.Length); // 32 random bytes, base64url without padding
        Assert.Matches("^[A-Za-z0-9_-]+$", key);

        var text = await File.ReadAllTextAsync(KeysFile);
        Assert.DoesNotContain(key, text);
        using var file = JsonDocument.Parse(text);
        var entry = Assert.Single(file.RootElement.GetProperty("Auth").GetProperty("IssuedKeys").EnumerateArray());
        Assert.Equal("UNODC", entry.GetProperty("Agency").GetString());
        Assert.Equal(ServiceDefaults.Auth.ApiKeyRegistry.Hash(key), entry.GetProperty("Sha256").GetString());
        Assert.Equal(["partner", "state-editor:MEX"], entry.GetProperty("Roles").EnumerateArray().Select(r => r.GetString()));

        var second = await Cli.RunAsync("keys", "issue", "--agency", "INTERPOL", "--role", "partner", "--file", KeysFile);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("it is not stored and cannot be shown again", second.Output);

        var list = await Cli.RunAsync("keys", "list", "--file", KeysFile);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"│\s*UNODC\s*│\s*partner, state-editor:MEX\s*│\s*" + ServiceDefaults.Auth.ApiKeyRegistry.Hash(key)[..12], list.Output);
        Assert.Contains("INTERPOL", list.Output);
        Assert.DoesNotContain(key, list.Output);

        var revoked = await Cli.RunAsync("keys", "revoke", "--hash-prefix", ServiceDefaults.Auth.ApiKeyRegistry.Hash(key)[..6], "--file", KeysFile);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("Revoked the key of UNODC", revoked.Output);

        var after = await Cli.RunAsync("keys", "list", "--file", KeysFile, "--json");
        using var afterJson = JsonDocument.Parse(after.Output);
        Assert.Equal(["INTERPOL"], afterJson.RootElement.EnumerateArray().Select(k => k.GetProperty("agency").GetString()));

        var byAgency = await Cli.RunAsync("keys", "revoke", "--agency", "interpol", "--file", KeysFile);
        Assert.True(byAgency.ExitCode == 0, byAgency.ToString());
        Assert.Empty(JsonDocument.Parse(await File.ReadAllTextAsync(KeysFile)).RootElement.GetProperty("Auth").GetProperty("IssuedKeys").EnumerateArray());
        Assert.Equal([KeysFile], System.IO.Directory.GetFiles(_folder)); // no temporary or lock file left behind
    }

    [Fact]
    public async Task Revoking_what_is_not_there_or_is_ambiguous_changes_nothing_and_says_why()
    {
        await Cli.RunAsync("keys", "issue", "--agency", "UNODC", "--role", "partner", "--file", KeysFile);
        var before = await File.ReadAllTextAsync(KeysFile);

        var unknown = await Cli.RunAsync("keys", "revoke", "--agency", "Nobody", "--file", KeysFile);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No key of agency 'Nobody'", unknown.Error);

        var badRole = await Cli.RunAsync("keys", "issue", "--agency", "X", "--role", "admin", "--file", KeysFile);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("'admin' is not a role", badRole.Error);
        Assert.Equal(before, await File.ReadAllTextAsync(KeysFile));
    }

    [Fact]
    public async Task An_issued_key_is_accepted_by_a_service_watching_the_file_and_refused_once_revoked_without_a_restart()
    {
        var first = await IssueAsync("Ministry of Examples", "partner");
        using var directory = new DirectoryNode();
        directory.WithSetting("Auth:KeysFile", KeysFile);

        Assert.True(await Accepted(directory, first));

        var second = await IssueAsync("INTERPOL", "partner");
        Assert.True(await Eventually(() => Accepted(directory, second)), "the key issued while the service ran was not accepted within a minute");

        var revoke = await Cli.RunAsync("keys", "revoke", "--agency", "Ministry of Examples", "--file", KeysFile);
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.True(await Eventually(async () => !await Accepted(directory, first)), "the revoked key was still accepted after a minute");
        Assert.True(await Accepted(directory, second));
    }

    private async Task<string> IssueAsync(string agency, string role)
    {
        var run = await Cli.RunAsync("keys", "issue", "--agency", agency, "--role", role, "--file", KeysFile, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>Whether the service takes the key, as tocmesh sends it: an unknown key is refused on any call.</summary>
    private static async Task<bool> Accepted(DirectoryNode directory, string key)
    {
        var channels = new InProcessChannels(new Dictionary<string, Func<HttpMessageHandler>> { ["directory.localhost"] = () => directory.Server.CreateHandler() });
        var run = await Cli.RunAsync(channels, new Dictionary<string, string>(), "directory", "search", "--state", "MEX", "--directory", "http://directory.localhost", "--key", key, "--json");
        Assert.True(run.ExitCode == 0 || run.Error.Contains("UNAUTHENTICATED", StringComparison.Ordinal), run.ToString());
        return run.ExitCode == 0;
    }

    /// <summary>
    /// Whether <paramref name="condition"/> comes to hold: the service reloads the file when it is told
    /// of the change, soon; the bound only keeps a broken reload from hanging the run.
    /// </summary>
    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }
        }

        return false;
    }
}
