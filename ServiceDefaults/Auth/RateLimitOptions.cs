namespace TocMesh.ServiceDefaults.Auth;

/// <summary>Configuration section <c>RateLimits</c>: token buckets per agency, and per address for anonymous callers.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained calls per second allowed to one agency (its API key).</summary>
    public int AgencyPermitsPerSecond { get; set; } = 500;

    /// <summary>Sustained calls per second allowed to one anonymous client address.</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 200;

    /// <summary>How many calls above the sustained rate a burst may take.</summary>
    public int BurstFactor { get; set; } = 2;
}
