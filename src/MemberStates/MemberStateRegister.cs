using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.MemberStates;

/// <summary>
/// The one cached way every service checks state codes. A Directory outage never fails a read:
/// the last register seen is used, and with none a well-formed code is accepted unverified.
/// </summary>
public sealed partial class MemberStateRegister(IMemberStateSource source, HybridCache cache, ILogger<MemberStateRegister> logger)
{
    public const string CacheTag = "member-states";
    private const string CacheKey = "member-states:v2";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(5) };
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(15);
    private volatile IReadOnlyDictionary<string, MemberStateInfo>? _lastKnown;
    private long _pauseUntilTicks;

    /// <summary>The register, or null when the Directory cannot be reached and none was seen yet.</summary>
    public async Task<IReadOnlyDictionary<string, MemberStateInfo>?> TryGetAsync(CancellationToken cancellationToken)
    {
        // After a failed load, use what we have for a while instead of waiting on the Directory each call.
        if (_lastKnown is not null && Environment.TickCount64 < Interlocked.Read(ref _pauseUntilTicks))
        {
            return _lastKnown;
        }

        try
        {
            var snapshot = await cache.GetOrCreateAsync(
                CacheKey,
                source,
                static async (s, ct) => new MemberStateSnapshot(await s.LoadAsync(ct)),
                Entry,
                [CacheTag],
                cancellationToken);
            if (snapshot.States.Count == 0)
            {
                return _lastKnown;
            }

            _lastKnown = snapshot.ByCode;
            return snapshot.ByCode;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _pauseUntilTicks, Environment.TickCount64 + (long)RetryPause.TotalMilliseconds);
            LogUnavailable(logger, e.GetType().Name, _lastKnown is not null);
            return _lastKnown;
        }
    }

    /// <summary>Every member state; UNAVAILABLE when the register was never reachable.</summary>
    public async Task<IReadOnlyCollection<MemberStateInfo>> ListAsync(CancellationToken cancellationToken) =>
        (await TryGetAsync(cancellationToken))?.Values.ToList()
        ?? throw new DependencyUnavailableException(MeshResources.Directory, "The register of member states cannot be reached; retry shortly.");

    /// <summary>
    /// A normalized, known member-state code, or INVALID_ARGUMENT naming <paramref name="field"/>.
    /// With the register unreachable, a well-formed code passes unless <paramref name="requireVerified"/>.
    /// </summary>
    public async Task<string> EnsureMemberAsync(string? code, string field, CancellationToken cancellationToken, bool requireVerified = false)
    {
        var normalized = StateCodes.Normalize(code, field);
        var register = await TryGetAsync(cancellationToken);
        if (register is null)
        {
            return requireVerified
                ? throw new DependencyUnavailableException(MeshResources.Directory, "The register of member states cannot be reached to check the state code; retry shortly.")
                : normalized;
        }

        return register.ContainsKey(normalized)
            ? normalized
            : throw new ValidationException(field, $"\"{normalized}\" is not a member state of the organization");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The member-state register could not be loaded ({Error}); using the last one seen: {HaveLastKnown}")]
    private static partial void LogUnavailable(ILogger logger, string error, bool haveLastKnown);
}
