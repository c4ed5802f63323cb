using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>The callers of the configured keys, indexed by hash, rebuilt when configuration changes.</summary>
public sealed class ApiKeyRegistry : IDisposable
{
    private readonly IDisposable? _subscription;
    private FrozenDictionary<string, Caller> _byHash;

    public ApiKeyRegistry(IOptionsMonitor<ApiKeyOptions> options)
    {
        _byHash = Index(options.CurrentValue);
        _subscription = options.OnChange(o => _byHash = Index(o));
    }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The caller of the key whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public Caller? FindByHash(string hash) => _byHash.GetValueOrDefault(hash);

    public void Dispose() => _subscription?.Dispose();

    // One Caller per key, made here rather than on every call that presents it.
    private static FrozenDictionary<string, Caller> Index(ApiKeyOptions options) =>
        options.ApiKeys.Concat(options.IssuedKeys)
            .Where(k => !string.IsNullOrWhiteSpace(k.Sha256))
            .GroupBy(k => k.Sha256.Trim().ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => new Caller(g.Last().Agency, g.Last().Roles.Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal)));
}
