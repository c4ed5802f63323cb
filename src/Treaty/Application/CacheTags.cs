using TocMesh.MemberStates;

namespace TocMesh.Treaty.Application;

/// <summary>What each cached read depends on, so a write removes exactly the reads it changes.</summary>
public static class CacheTags
{
    /// <summary>The in-memory snapshot of instruments, actions, statements and caveats.</summary>
    public const string Snapshot = "treaty:snapshot";

    public const string Legislation = "treaty:legislation";

    public const string Findings = "treaty:findings";

    /// <summary>The member-state register (a change of membership changes the reports' scope).</summary>
    public const string Register = MemberStateRegister.CacheTag;

    public static string State(string code) => "treaty:state:" + code;

    public static string Instrument(string id) => "treaty:instrument:" + id;
}
