using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Failed authentications per client address: each is logged at Warning with the address and the
/// first characters of the presented key's SHA-256 (never the key); after
/// <see cref="RateLimitOptions.FailedAuthenticationLimit"/> of them in a window, the address's further
/// calls with a key are refused as RESOURCE_EXHAUSTED without looking the key up, until the window ends.
/// </summary>
public sealed partial class FailedAuthentications : IDisposable
{
    private readonly ILogger<FailedAuthentications> _logger;
    private readonly PartitionedRateLimiter<string> _failures;

    public FailedAuthentications(IOptions<RateLimitOptions> options, ILogger<FailedAuthentications> logger)
    {
        _logger = logger;
        var limit = Math.Max(1, options.Value.FailedAuthenticationLimit);
        Window = options.Value.FailedAuthenticationWindow > TimeSpan.Zero ? options.Value.FailedAuthenticationWindow : TimeSpan.FromMinutes(1);
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = Window,
            QueueLimit = 0,
            // Reset by the partitioned limiter's one heartbeat, not by a timer per address (see RateLimitCheck).
            AutoReplenishment = false,
        };
        // Asked for every call with a key (IsRefused), so one factory made here, not one per call.
        _failures = KeyedRateLimiter.Create(_ => new FixedWindowRateLimiter(window));
    }

    /// <summary>How long an address that failed too often waits at most.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether <paramref name="address"/> used up its failures of this window.</summary>
    public bool IsRefused(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts and logs a failure; <paramref name="keyHash"/> is the presented key's SHA-256, when there was a key.</summary>
    public void Record(string address, string reason, string? keyHash)
    {
        using var lease = _failures.AttemptAcquire(address);
        LogFailure(address, reason, keyHash is null ? "none" : keyHash[..8]);
        if (IsRefused(address))
        {
            LogRefusing(address, Window);
        }
    }

    public void Dispose() => _failures.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed authentication from {ClientAddress}: {Reason} (key SHA-256 prefix {KeyHashPrefix})")]
    private partial void LogFailure(string clientAddress, string reason, string keyHashPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many failed authentications from {ClientAddress}: its calls with a key are refused unchecked for up to {Window}")]
    private partial void LogRefusing(string clientAddress, TimeSpan window);
}
