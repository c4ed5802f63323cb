using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TocMesh.MemberStates;

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
