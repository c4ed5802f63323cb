using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli.Keys;

/// <summary>One issued key as the keys file holds it: never the key, only its SHA-256.</summary>
public sealed record IssuedKey(string Agency, string Sha256, IReadOnlyList<string> Roles);

/// <summary>
/// The keys file the services watch (<c>Auth:KeysFile</c>): <c>{"Auth":{"IssuedKeys":[{"Agency","Sha256","Roles"}]}}</c>.
/// Every change is a read, a change and an atomic replace (a temporary file renamed over it), under a
/// lock file, so a service never reads half a file and two operators never lose each other's change.
/// Anything else in the file is kept as it is.
/// </summary>
public sealed class KeysFile
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private readonly string _path;

    public KeysFile(string path) => _path = System.IO.Path.GetFullPath(path);

    public string Path => _path;

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as the services compare it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: 32 random bytes, base64url without padding.</summary>
    public static string NewKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyList<IssuedKey> List()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        return [.. Entries(Load()).OfType<JsonObject>().Select(ToKey)];
    }

    public IReadOnlyList<IssuedKey> Change(Func<JsonArray, IReadOnlyList<IssuedKey>> change)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        using var fileLock = AcquireLock();
        var root = File.Exists(_path) ? Load() : new JsonObject();
        var changed = change(Entries(root));
        var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, root, WriteOptions);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return changed;
    }

    public static JsonObject Entry(IssuedKey key) => new()
    {
        ["Agency"] = key.Agency,
        ["Sha256"] = key.Sha256,
        ["Roles"] = new JsonArray([.. key.Roles.Select(r => (JsonNode)r)]),
    };

    public static IssuedKey ToKey(JsonObject entry) => new(
        Property(entry, "Agency")?.GetValue<string>() ?? "",
        Property(entry, "Sha256")?.GetValue<string>() ?? "",
        Property(entry, "Roles") is JsonArray roles ? [.. roles.Select(r => r?.GetValue<string>() ?? "")] : []);

    private JsonObject Load()
    {
        var text = File.ReadAllText(_path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        return JsonNode.Parse(text, documentOptions: ReadOptions) as JsonObject
            ?? throw new CliException($"{_path} is not a keys file: it must hold a JSON object {{\"Auth\":{{\"IssuedKeys\":[...]}}}}.");
    }

    /// <summary>The IssuedKeys array, created when missing. Configuration keys are case-insensitive, and so is this.</summary>
    private JsonArray Entries(JsonObject root)
    {
        if (Property(root, "Auth") is not JsonObject auth)
        {
            auth = new JsonObject();
            root["Auth"] = auth;
        }

        if (Property(auth, "IssuedKeys") is not JsonArray issued)
        {
            issued = new JsonArray();
            auth["IssuedKeys"] = issued;
        }

        if (issued.Any(e => e is not JsonObject))
        {
            throw new CliException($"{_path}: every entry of Auth.IssuedKeys must be an object with Agency, Sha256 and Roles.");
        }

        return issued;
    }

    private static JsonNode? Property(JsonObject node, string name) =>
        node.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private FileStream AcquireLock()
    {
        var lockPath = _path + ".lock";
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; Thread.Sleep(50))
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // another operator is changing the file: wait for them
            }
        }
    }
}
