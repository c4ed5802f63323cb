namespace TocMesh.Directory.Tests;

/// <summary>A clock the test moves by hand, to record revisions on chosen days.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
