using System.Collections;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// A cache entry's tags, made only when the cache asks for them: HybridCache reads the tags of
/// <c>GetOrCreateAsync</c> on a miss only, so a hot read answered from the cache makes no tag string
/// (nor the array around it).
/// </summary>
public static class TagsOnMiss
{
    public static IEnumerable<string> Of<TState>(TState state, Func<TState, string> tag) => new One<TState>(state, tag);

    private sealed class One<TState>(TState state, Func<TState, string> tag) : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator()
        {
            yield return tag(state);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
