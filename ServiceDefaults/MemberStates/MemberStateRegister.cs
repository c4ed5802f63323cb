using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.MemberStates;

/// <summary>How a member state stood in the organization on a day.</summary>
public enum Participation
{
    /// <summary>A member taking part.</summary>
    Participating,

    /// <summary>A member whose right to take part was suspended; still a member, and counted in reports.</summary>
    Suspended,

    /// <summary>A member whose government did not take part at all (Cuba, 1962 onwards).</summary>
    NotParticipating,

    /// <summary>No longer a member after its denunciation of the Charter took effect.</summary>
    Withdrawn,
}

/// <summary>A dated period in which a state did not take part as usual; <see cref="To"/> null means open.</summary>
public sealed record MembershipPeriod(Participation Status, DateOnly From, DateOnly? To, string Basis)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date < To);
}

/// <summary>The register's view of one member state, shared by every service.</summary>
public sealed record MemberStateInfo(string Code, string Iso2, string NameEn, string NameEs, IReadOnlyList<MembershipPeriod> Periods)
{
    public Participation ParticipationOn(DateOnly date) =>
        Periods.Where(p => p.Covers(date)).Select(p => p.Status).DefaultIfEmpty(Participation.Participating).Max();

    public bool IsMemberOn(DateOnly date) => ParticipationOn(date) != Participation.Withdrawn;

    /// <summary>
    /// Counted in the group's reports on that date: every member except one whose government did
    /// not take part in the organization at all (a suspended member still counts).
    /// </summary>
    public bool CountsOn(DateOnly date) => ParticipationOn(date) is Participation.Participating or Participation.Suspended;
}

/// <summary>
/// The register as cached: immutable, so the in-process cache level hands out this one instance
/// instead of deserializing a copy for every call.
/// </summary>
[ImmutableObject(true)]
public sealed class MemberStateSnapshot(IReadOnlyList<MemberStateInfo> states)
{
    public IReadOnlyList<MemberStateInfo> States { get; } = states;

    [JsonIgnore]
    public IReadOnlyDictionary<string, MemberStateInfo> ByCode { get; } = states.ToDictionary(s => s.Code, StringComparer.Ordinal);
}

/// <summary>Where the register comes from: the Directory service (its own database there, its contract elsewhere).</summary>
public interface IMemberStateSource
{
    Task<IReadOnlyList<MemberStateInfo>> LoadAsync(CancellationToken cancellationToken);
}

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
        ?? throw new DependencyUnavailableException("directory", "The register of member states cannot be reached; retry shortly.");

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
                ? throw new DependencyUnavailableException("directory", "The register of member states cannot be reached to check the state code; retry shortly.")
                : normalized;
        }

        return register.ContainsKey(normalized)
            ? normalized
            : throw new ValidationException(field, $"\"{normalized}\" is not a member state of the organization");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The member-state register could not be loaded ({Error}); using the last one seen: {HaveLastKnown}")]
    private static partial void LogUnavailable(ILogger logger, string error, bool haveLastKnown);
}
