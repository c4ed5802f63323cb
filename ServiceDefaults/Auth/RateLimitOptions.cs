namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Configuration section <c>RateLimits</c>: token buckets per agency, per calling service, and per
/// client address for anonymous callers; and the bound on failed authentications per address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained calls per second allowed to one agency (its API key).</summary>
    public int AgencyPermitsPerSecond { get; set; } = 500;

    /// <summary>Sustained calls per second allowed to one anonymous client address.</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 200;

    /// <summary>Sustained calls per second allowed to one calling TocMesh service (its service key).</summary>
    public int ServicePermitsPerSecond { get; set; } = 1000;

    /// <summary>How many calls above the sustained rate a burst may take.</summary>
    public int BurstFactor { get; set; } = 2;

    /// <summary>
    /// Failed authentications (unknown or malformed keys) one client address may make per
    /// <see cref="FailedAuthenticationWindow"/>; further calls with a key are refused unchecked.
    /// </summary>
    public int FailedAuthenticationLimit { get; set; } = 10;

    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);
}
