using System.Buffers.Text;
using System.Text;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Contracts;

/// <summary>
/// AIP-158 paging: <c>page_size</c> 0 means the default, larger values are capped, negatives are
/// refused; <c>page_token</c> is opaque to callers (the key after which the next page starts).
/// </summary>
public readonly record struct PageRequest(int Size, string? After)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 100;
    private const string Prefix = "v1:";

    public static PageRequest From(int pageSize, string? pageToken, int maxSize = MaxSize, int defaultSize = DefaultSize)
    {
        var violations = new FieldViolations();
        violations.Check(pageSize >= 0, "page_size", "must not be negative");
        string? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            after = Decode(pageToken);
            violations.Check(after is not null, "page_token", "is not a token this service issued; pass the next_page_token of the previous page unchanged");
        }

        violations.ThrowIfAny();
        return new PageRequest(pageSize == 0 ? defaultSize : Math.Min(pageSize, maxSize), after);
    }

    /// <summary>The token for the page after <paramref name="lastKey"/>, or "" when there is none.</summary>
    public static string NextToken(string? lastKey, bool hasMore) =>
        hasMore && lastKey is not null ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastKey)) : "";

    /// <summary>Takes one page of keyed items already ordered by key, and the token after it.</summary>
    public (IReadOnlyList<T> Page, string NextPageToken) Take<T>(IEnumerable<T> orderedItems, Func<T, string> key)
    {
        var after = After;
        var query = after is null ? orderedItems : orderedItems.Where(i => string.CompareOrdinal(key(i), after) > 0);
        var window = query.Take(Size + 1).ToList();
        var hasMore = window.Count > Size;
        if (hasMore)
        {
            window.RemoveAt(window.Count - 1);
        }

        return (window, NextToken(window.Count > 0 ? key(window[^1]) : null, hasMore));
    }

    private static string? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
