using Microsoft.Extensions.Caching.Hybrid;

namespace TocMesh.Directory.Application;

/// <summary>
/// The cache tags of the directory's reads, so a write invalidates exactly what it changes: the
/// contact itself, its state's reads, and reads across every state.
/// </summary>
public static class DirectoryCacheTags
{
    public const string AllStates = "contacts:all";
    public const string ChangeRequests = "change-requests";

    public static string Contact(string id) => $"contact:{id}";

    public static string State(string stateCode) => $"contacts:{stateCode}";

    /// <summary>A read of one state (or of every state, when null).</summary>
    public static string[] ForRead(string? stateCode) => [stateCode is null ? AllStates : State(stateCode)];

    public static string[] ForWrite(string contactId, string stateCode) => [Contact(contactId), State(stateCode), AllStates];

    public static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(2),
    };
}
