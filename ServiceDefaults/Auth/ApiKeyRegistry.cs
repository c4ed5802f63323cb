using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>The configured keys, indexed by hash, rebuilt when configuration changes.</summary>
public sealed class ApiKeyRegistry : IDisposable
{
    private readonly IDisposable? _subscription;
    private FrozenDictionary<string, ApiKeyEntry> _byHash;

    public ApiKeyRegistry(IOptionsMonitor<ApiKeyOptions> options)
    {
        _byHash = Index(options.CurrentValue);
        _subscription = options.OnChange(o => _byHash = Index(o));
    }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ApiKeyEntry? Find(string key) => FindByHash(Hash(key));

    /// <summary>The entry of the key whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public ApiKeyEntry? FindByHash(string hash) => _byHash.GetValueOrDefault(hash);

    public void Dispose() => _subscription?.Dispose();

    private static FrozenDictionary<string, ApiKeyEntry> Index(ApiKeyOptions options) =>
        options.ApiKeys.Concat(options.IssuedKeys)
            .Where(k => !string.IsNullOrWhiteSpace(k.Sha256))
            .GroupBy(k => k.Sha256.Trim().ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => g.Last());
}
